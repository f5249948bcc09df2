"""The project's Jupyter kernel: find it, check it runs this interpreter, register it if absent,
and the environment a report kernel starts with."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from toolkit.errors import KernelError

__all__ = ["KERNEL_NAME", "KERNEL_DISPLAY_NAME", "KERNEL_ENVIRONMENT", "ensure_kernel",
           "kernel_manager_class"]

KERNEL_NAME = "discourse-toolkit"
KERNEL_DISPLAY_NAME = "Python (discourse-toolkit)"

# Fixed for every report kernel so that string hashing, and any library that stamps a build
# date, behave the same on every run; progress bars have no reader in a report.
KERNEL_ENVIRONMENT = {"PYTHONHASHSEED": "0", "SOURCE_DATE_EPOCH": "315532800",
                      "TOOLKIT_PROGRESS": "off"}


def ensure_kernel(name: str = KERNEL_NAME) -> str:
    """Return ``name`` once its kernel spec is known to start this very interpreter.

    A missing spec is installed into this environment (``--sys-prefix``); a spec that points
    at another Python is an error, never silently used. Both failures raise
    :class:`~toolkit.errors.KernelError`.
    """
    from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

    manager = KernelSpecManager()
    try:
        spec = manager.get_kernel_spec(name)
    except NoSuchKernel:
        _install(name)
        spec = KernelSpecManager().get_kernel_spec(name)
    program = spec.argv[0] if spec.argv else ""
    if not _same_interpreter(program, sys.executable):
        raise KernelError(
            f"kernel {name!r} runs {program or 'nothing'}, not this environment's "
            f"{sys.executable}", path=spec.resource_dir,
            hint=f"remove that kernel spec, then run `make env` or `{sys.executable} -m "
                 f"ipykernel install --sys-prefix --name {name}`")
    return name


def _install(name: str) -> None:
    from ipykernel.kernelspec import install

    try:
        install(kernel_name=name, display_name=KERNEL_DISPLAY_NAME, prefix=sys.prefix)
    except OSError as exc:
        raise KernelError(f"kernel {name!r} is not registered and cannot be installed into "
                          f"{sys.prefix}: {exc}", hint="run `make env`") from exc


def _same_interpreter(program: str, executable: str) -> bool:
    """Same file in the same folder: ``.venv/bin/python`` and ``.venv/bin/python3`` match,
    the base interpreter a virtualenv links to does not."""
    if not program or not os.path.isabs(program):
        return False
    a, b = Path(program), Path(executable)
    try:
        return a.parent.resolve() == b.parent.resolve() and os.path.samefile(a, b)
    except OSError:
        return False


def kernel_manager_class(log_path: Path, *, cwd: Path | None = None) -> type:
    """A ``KernelManager`` class whose kernels start with :data:`KERNEL_ENVIRONMENT` in the
    folder ``cwd`` and write their own stdout/stderr (startup warnings, crashes) to
    ``log_path``, not the terminal. Giving the kernel its folder here, rather than changing the
    runner's own working folder, lets several notebooks run at once."""
    from jupyter_client.manager import AsyncKernelManager

    class ReportKernelManager(AsyncKernelManager):
        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
            kw["env"] = {**kw.get("env", os.environ), **KERNEL_ENVIRONMENT}
            if cwd is not None:
                kw["cwd"] = str(cwd)
            with log_path.open("ab") as log:
                kw.update(stdout=log, stderr=log)
                await super()._async_launch_kernel(kernel_cmd, **kw)

    return ReportKernelManager
