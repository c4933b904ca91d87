"""How many Jupyter kernels `make test` starts, and which test started them (issue "Fast at any
size", item 4: at most about 15). Every Python process started while the tests run imports a
``sitecustomize`` from a temporary folder put first on PYTHONPATH; a kernel (``ipykernel_launcher``)
appends one line to a log. Prints the total and the count per test file; asserts nothing.

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
if any("ipykernel_launcher" in a for a in getattr(sys, "orig_argv", sys.argv)):
    with open(os.environ["KERNEL_STARTS_LOG"], "a", encoding="utf-8") as log:
        log.write(os.environ.get("PYTEST_CURRENT_TEST", "(outside a test)").split("::")[0] + "\\n")
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
        starts = log.read_text(encoding="utf-8").splitlines()
    print(f"{' '.join(command)}: exit {status}, {seconds:.0f} s, {len(starts)} kernel starts")
    for name, n in collections.Counter(starts).most_common():
        print(f"  {n:3d}  {name}")


if __name__ == "__main__":
    main(sys.argv[1:])
