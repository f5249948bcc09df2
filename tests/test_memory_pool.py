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


# Allocates 200 MB in Arrow arrays of 256 KB, lets them go, and prints how much of it the
# process's resident memory gave back.
GIVEN_BACK = """
import toolkit, os, numpy as np, pyarrow as pa, pyarrow.compute as pc
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
base = pc.add(pa.array(np.arange(32768, dtype=np.int64)), 0)
arrays = [pc.add(base, i) for i in range(800)]
full = rss()
del arrays
print((full - rss()) / 2**20)
"""


def _given_back(conf: str | None) -> float:
    env = {k: v for k, v in os.environ.items()
           if k not in ("ARROW_DEFAULT_MEMORY_POOL", "JE_ARROW_MALLOC_CONF")}
    if conf is not None:
        env["JE_ARROW_MALLOC_CONF"] = conf
    done = subprocess.run([sys.executable, "-c", GIVEN_BACK], capture_output=True, text=True,
                          env=env, check=True)
    return float(done.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="chosen on Linux only")
def test_memory_arrow_frees_goes_back_at_once_unless_the_user_says_otherwise():
    assert _given_back(None) > 190
    assert _given_back("dirty_decay_ms:60000,muzzy_decay_ms:60000") < 170
