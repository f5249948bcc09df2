"""The Arrow allocator the toolkit chooses for its process and the processes it starts."""

import os
import subprocess
import sys

import pytest

PROBE = ("import toolkit, pyarrow as pa; "
         "print(pa.default_memory_pool().backend_name)")


def _backend(env_value: str | None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    if env_value is not None:
        env["ARROW_DEFAULT_MEMORY_POOL"] = env_value
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          env=env, check=True)
    assert done.stderr == ""
    return done.stdout.strip()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="chosen on Linux only")
def test_importing_the_toolkit_first_gives_arrow_jemalloc():
    assert _backend(None) == "jemalloc"


def test_an_allocator_chosen_by_the_user_is_kept():
    assert _backend("system") == "system"
