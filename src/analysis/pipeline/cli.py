"""Small commands around the build."""

from __future__ import annotations

import contextlib
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


def add_article(args) -> int:
    """``python -m analysis add-article``: register an article and draft its claims."""
    from analysis.errors import AnalysisError
    from analysis.io.publication import publication
    from analysis.paths import data_dir as resolve
    from analysis.pipeline.intake import NewArticle
    from analysis.pipeline.intake import add_article as register
    from analysis.pipeline.publication import build_lock

    new = NewArticle(args.file, args.article_id, args.publisher, args.url, args.published, args.language,
                     args.speaks_from, args.title, args.author, args.replace)
    try:
        data = resolve(args.data_dir)
        # A build reads the project's data: never change them under it (another copy needs no lock).
        project_data = (paths.project_root() / "data").resolve()
        guard = build_lock() if data == project_data else contextlib.nullcontext()
        with guard:
            done = register(new, data, publication().checked_on)
    except AnalysisError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_status
    for line in done:
        print(line)
    return 0
