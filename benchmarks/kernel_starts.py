"""How many Jupyter kernels `make test` starts, and which test started them (issue "Fast at any
size", item 4: at most about 15). Every Python process started while the tests run imports a
``sitecustomize`` from a temporary folder put first on PYTHONPATH; a kernel started cold
(``ipykernel_launcher``: a new Python that imports everything) appends one line to a log, and so
does a build's warm process (``analysis.pipeline.kernel_fork``, which imports as much; counted
once it forks a kernel, since a build with nothing to run stops it at once) and each kernel
forked from it (cheap: it imports nothing). Prints the totals and the count per test file;
asserts nothing.

Run: python3 benchmarks/kernel_starts.py            (the whole `make test`, about three minutes)
     python3 benchmarks/kernel_starts.py tests/test_build.py   (pytest on some files only)
"""

from __future__ import annotations

import collections
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOOK = '''
import os, sys

def _log(kind):
    with open(os.environ["KERNEL_STARTS_LOG"], "a", encoding="utf-8") as log:
        log.write(kind + " " + os.environ.get("PYTEST_CURRENT_TEST", "(outside a test)").split("::")[0] + "\\n")

_argv = " ".join(getattr(sys, "orig_argv", sys.argv))
_used = []


def _forking():
    if not _used:  # a warm process that forks a kernel has done its imports
        _used.append(True)
        _log("warm-process")


if "ipykernel_launcher" in _argv:
    _log("cold")
elif "kernel_fork import serve" in _argv:
    _log("warm-started")
    os.register_at_fork(before=_forking, after_in_child=lambda: _log("forked"))
'''


def main(argv: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        hook, log = Path(folder) / "hook", Path(folder) / "starts.log"
        hook.mkdir()
        (hook / "sitecustomize.py").write_text(HOOK, encoding="utf-8")
        log.touch()
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(hook), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep),
               "KERNEL_STARTS_LOG": str(log)}
        command = ([str(ROOT / ".venv" / "bin" / "python"), "-m", "pytest", "-q", "-p", "no:cacheprovider", *argv]
                   if argv else ["make", "test"])
        start = time.perf_counter()
        status = subprocess.run(command, check=False, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL).returncode
        seconds = time.perf_counter() - start
        starts = [line.split(" ", 1) for line in log.read_text(encoding="utf-8").splitlines()]
    kinds = collections.Counter(kind for kind, _ in starts)
    print(f"{' '.join(command)}: exit {status}, {seconds:.0f} s, {kinds['cold'] + kinds['warm-process']} processes "
          f"that import everything ({kinds['cold']} kernels started cold, {kinds['warm-process']} warm processes "
          f"that forked kernels), {kinds['forked']} kernels forked from a warm process; "
          f"{kinds['warm-started'] - kinds['warm-process']} warm processes stopped before their first kernel "
          "(builds with nothing to run, or stopped by an error: a process start, not its imports)")
    for (kind, name), n in sorted(collections.Counter(map(tuple, starts)).items(), key=lambda x: (-x[1], x[0])):
        print(f"  {n:3d}  {kind:12} {name}")


if __name__ == "__main__":
    main(sys.argv[1:])
