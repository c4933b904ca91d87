"""Small commands around the build."""

from __future__ import annotations

import sys

from analysis import paths


def check(argv: list[str]) -> int:
    """Say whether the published notebooks and results match the manifest of the build that made them."""
    from analysis.errors import AnalysisError
    from analysis.pipeline.publication import build_lock, mismatches, replay

    try:
        with build_lock(wait=False):
            if replay():
                print("Finished publishing the build that was interrupted.")
    except AnalysisError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_status
    problems = mismatches(paths.project_root(), paths.results_dir())
    if problems:
        for problem in problems:
            print(f"mismatch: {problem}", file=sys.stderr)
        print("Run `make report` to rebuild what changed.", file=sys.stderr)
        return 1
    print("The published notebooks and results match their manifest.")
    return 0
