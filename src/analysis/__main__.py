"""``python -m analysis build`` (the runner) and ``python -m analysis sync-environment``."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv.pop(0) if argv else "help"
    if command == "build":
        from analysis.build import main as build_main

        return build_main(argv)
    if command == "sync-environment":
        from analysis.environment import write_environment_yml

        print(write_environment_yml())
        return 0
    print("usage: python -m analysis build [-p NAME=VALUE ...] [--out DIR] [--data-dir DIR]\n"
          "       python -m analysis sync-environment   (environment.yml from requirements.lock)")
    return 0 if command in ("help", "-h", "--help") else 2


if __name__ == "__main__":
    sys.exit(main())
