"""The project's Jupyter kernel: find it, check it runs this interpreter, register it if absent,
the environment a report kernel starts with, and executing a notebook in it (a kernel that dies
while starting is started again)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from toolkit.errors import KernelError

__all__ = ["KERNEL_NAME", "KERNEL_DISPLAY_NAME", "KERNEL_ENVIRONMENT", "KERNEL_START_ATTEMPTS",
           "ensure_kernel", "execute_notebook", "kernel_manager_class", "load_nbformat"]

KERNEL_NAME = "discourse-toolkit"
KERNEL_DISPLAY_NAME = "Python (discourse-toolkit)"

# Fixed for every report kernel so that string hashing, and any library that stamps a build
# date, behave the same on every run; progress bars have no reader in a report.
KERNEL_ENVIRONMENT = {"PYTHONHASHSEED": "0", "SOURCE_DATE_EPOCH": "315532800",
                      "TOOLKIT_PROGRESS": "off"}


# nbformat validates notebooks with jsonschema, whose format checkers import this package when
# it is installed (JupyterLab's dependencies bring it). Importing it compiles some forty parser
# grammars: about a second, two thirds of what importing papermill costs, for the "iri" formats
# that no notebook schema uses.
_UNUSED_FORMAT_PACKAGE = "rfc3987_syntax"


def load_nbformat():
    """Import nbformat (papermill and nbconvert read notebooks with it) without the format
    package above, and return it.

    The package is hidden only while nbformat, and with it jsonschema, is first imported:
    a later ``import`` of it anywhere in the process works as usual.
    """
    if "nbformat" in sys.modules:
        return sys.modules["nbformat"]
    hide = _UNUSED_FORMAT_PACKAGE not in sys.modules and "jsonschema" not in sys.modules
    if hide:
        sys.modules[_UNUSED_FORMAT_PACKAGE] = None  # an import of it raises ImportError
    try:
        import nbformat
    finally:
        if hide and sys.modules.get(_UNUSED_FORMAT_PACKAGE, False) is None:
            del sys.modules[_UNUSED_FORMAT_PACKAGE]
    return nbformat


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


def kernel_manager_class(log_path: Path, *, cwd: Path | None = None,
                         env: dict[str, str] | None = None, forker: Any = None) -> type:
    """A ``KernelManager`` class whose kernels start with :data:`KERNEL_ENVIRONMENT` (and
    ``env``) in the folder ``cwd`` and write their own stdout/stderr (startup warnings,
    crashes) to ``log_path``, not the terminal. Giving the kernel its folder here, rather than
    changing the runner's own working folder, lets several notebooks run at once. With
    ``forker`` (a :class:`~toolkit.report.forker.KernelForker`) a kernel is forked by it when
    it can, else started as usual."""
    from jupyter_client.manager import AsyncKernelManager

    extra = dict(env or {})

    class ReportKernelManager(AsyncKernelManager):
        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
            kw["env"] = {**kw.get("env", os.environ), **KERNEL_ENVIRONMENT, **extra}
            if cwd is not None:
                kw["cwd"] = str(cwd)
            if forker is not None and forker.takes(kernel_cmd):
                kernel = forker.fork(kernel_cmd, env=kw["env"], cwd=kw.get("cwd"),
                                     log=str(log_path))
                if kernel is not None:
                    # What LocalProvisioner.launch_kernel records of a kernel it starts in a
                    # session of its own.
                    provisioner = self.provisioner
                    provisioner.process = kernel
                    provisioner.pid = provisioner.pgid = kernel.pid
                    provisioner.cwd = kw.get("cwd", os.getcwd())
                    self._reconcile_connection_info(provisioner.connection_info)
                    return
            with log_path.open("ab") as log:
                kw.update(stdout=log, stderr=log)
                await super()._async_launch_kernel(kernel_cmd, **kw)

    return ReportKernelManager


# A kernel can die before it answers (a port chosen by jupyter_client and taken by another
# process before the kernel binds it, a machine short of memory for a moment). Nothing of the
# notebook has run by then, so starting a new kernel is safe.
KERNEL_START_ATTEMPTS = 3
_NOT_STARTED = ("Kernel died before replying to kernel_info",
                "Kernel didn't respond to heartbeats", "Kernel didn't respond in")


# The papermill engine of report runs (see _register_engine).
ENGINE = "toolkit-report"


def _register_engine() -> str:
    """Register papermill's nbclient engine, changed to write the executed notebook when it
    ends (done, failed or stopped by a timeout) instead of before and after every cell: a
    report notebook's first output holds the interactive-table code (about 1 MB), and writing
    the whole notebook some twenty times cost the runner more CPU than rendering its page."""
    from papermill.engines import NBClientEngine, NotebookExecutionManager, papermill_engines

    class SavedAtTheEnd(NotebookExecutionManager):
        ending = False

        def save(self, **kwargs: Any) -> None:
            if self.ending:
                super().save(**kwargs)

        def notebook_complete(self, **kwargs: Any) -> None:
            self.ending = True
            super().notebook_complete(**kwargs)

    class ReportEngine(NBClientEngine):
        @classmethod
        def execute_notebook(cls, nb: Any, kernel_name: str, output_path: Any = None,
                             progress_bar: bool = True, log_output: bool = False,
                             autosave_cell_every: int = 30, **kwargs: Any) -> Any:
            manager = SavedAtTheEnd(nb, output_path=output_path, progress_bar=progress_bar,
                                    log_output=log_output,
                                    autosave_cell_every=autosave_cell_every)
            manager.notebook_start()
            try:
                cls.execute_managed_notebook(manager, kernel_name, log_output=log_output,
                                             **kwargs)
            finally:
                manager.cleanup_pbar()
                manager.notebook_complete()
            return manager.nb

    papermill_engines.register(ENGINE, ReportEngine)
    return ENGINE


def execute_notebook(source: Path, target: Path, *, parameters: dict | None = None,
                     kernel_name: str = KERNEL_NAME, cwd: Path, log: Path,
                     timeout: float | None = None, env: dict[str, str] | None = None,
                     forker: Any = None) -> int:
    """Execute ``source`` with papermill into ``target`` in a kernel started by
    :func:`kernel_manager_class` (folder ``cwd``, output to ``log``, more environment
    variables ``env``, forked by ``forker`` when it can); ``timeout`` is per cell.

    Returns how many kernel starts failed before the one that ran the notebook (usually 0).
    After :data:`KERNEL_START_ATTEMPTS` failed starts, raises
    :class:`~toolkit.errors.KernelError` quoting the last lines the kernel printed. Errors of the
    notebook's own cells are papermill's, unchanged.
    """
    load_nbformat()
    import papermill

    failed = 0
    while True:
        try:
            papermill.execute_notebook(
                str(source), str(target), parameters=parameters or {}, kernel_name=kernel_name,
                progress_bar=False, log_output=False, execution_timeout=timeout,
                engine_name=_register_engine(),
                kernel_manager_class=kernel_manager_class(log, cwd=cwd, env=env, forker=forker),
                # Every output is in the notebook by then, and the cells wrote their files
                # themselves: waiting for the kernel to wind down gains nothing.
                shutdown_kernel="immediate")
            return failed
        except RuntimeError as exc:
            if not any(text in str(exc) for text in _NOT_STARTED):
                raise
            failed += 1
            if failed == KERNEL_START_ATTEMPTS:
                raise KernelError(
                    f"the kernel for {source.name} did not start ({failed} attempts: {exc}); "
                    f"it printed: {_tail(log) or 'nothing'}", path=log,
                    hint="open the notebook in JupyterLab to see the kernel's error") from exc
            time.sleep(failed)


def _tail(log: Path, lines: int = 5) -> str:
    """The last lines a kernel wrote to its log, on one line."""
    try:
        text = log.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return " | ".join(line.strip() for line in text.strip().splitlines()[-lines:] if line.strip())
