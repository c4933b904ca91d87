"""``python -m analysis build`` (the runner), ``check`` (is the publication consistent?),
``sync-environment`` (conda file from the locks)."""

from __future__ import annotations

import sys

USAGE = """usage: python -m analysis build [-p NAME=VALUE ...] [--force] [--out DIR] [--data-dir DIR] [--debug]
       python -m analysis check            (the published files match their manifest)
       python -m analysis sync-environment (environment.yml from requirements/*.lock)"""


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv.pop(0) if argv else "help"
    if command == "build":
        from analysis.pipeline.runner import main as build_main

        return build_main(argv)
    if command == "check":
        from analysis.pipeline.cli import check

        return check(argv)
    if command == "sync-environment":
        from analysis.pipeline.environment import write_environment_yml

        print(write_environment_yml())
        return 0
    print(USAGE)
    return 0 if command in ("help", "-h", "--help") else 2


if __name__ == "__main__":
    sys.exit(main())
