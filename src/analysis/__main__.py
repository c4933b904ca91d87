"""The command line: ``python -m analysis COMMAND`` (``--help`` lists the commands; each command's
``--help`` lists its options and runs nothing)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _check(args: argparse.Namespace) -> int:
    from analysis.pipeline.cli import check

    return check([])


def _sync_environment(args: argparse.Namespace) -> int:
    from analysis.pipeline.environment import write_environment_yml

    print(write_environment_yml())
    return 0


def _add_article(args: argparse.Namespace) -> int:
    from analysis.pipeline.cli import add_article

    return add_article(args)


def _pair(args: argparse.Namespace) -> int:
    from analysis.pipeline.twins import write

    written = write()
    print("\n".join(str(p) for p in written) if written else "Every notebook's twin in notebooks/py/ is up to date.")
    return 0


def parser() -> argparse.ArgumentParser:
    """Every command, each with its own options (argparse subcommands)."""
    from analysis.pipeline import runner

    top = argparse.ArgumentParser(prog="python -m analysis",
                                  description="The reproducible fact-check: build the report, check the publication, "
                                              "bring in a new article.")
    commands = top.add_subparsers(title="commands", dest="command", metavar="COMMAND", required=True)
    runner.configure(commands.add_parser("build", help="run the notebooks that changed and publish the report",
                                         prog="python -m analysis build"))
    check = commands.add_parser("check", help="say whether the published files match the build that made them",
                                description="Say whether the published notebooks and results match the manifest of the "
                                            "build that made them; finish a publication a killed build left half done.")
    check.set_defaults(run=_check)
    add = commands.add_parser("add-article", help="store a new article's text and draft its claims",
                              description="Store a new article's text, checksum and row, and draft one claim per "
                                          "checkable span (README, 'Adding an article'). Nothing is written unless "
                                          "every input is right.")
    add.add_argument("file", type=Path, help="the article's text (UTF-8), as published")
    add.add_argument("--id", required=True, dest="article_id", help="the article's id (lower case: trt2026)")
    add.add_argument("--publisher", required=True, help="the outlet that published it")
    add.add_argument("--url", required=True, help="the article's page (http or https)")
    add.add_argument("--published", required=True, help="the publication date (YYYY-MM-DD)")
    add.add_argument("--language", required=True, help="fr or en")
    add.add_argument("--speaks-from", default="", help="the day the text speaks from, when not its publication day")
    add.add_argument("--title", default="", help="the headline, where known")
    add.add_argument("--author", default="", help="the byline, where known")
    add.add_argument("--replace", action="store_true", help="register a corrected text under an id already used")
    add.add_argument("--data-dir", type=Path, default=None, help="another copy of data/ (default: the project's)")
    add.set_defaults(run=_add_article)
    sync = commands.add_parser("sync-environment", help="write environment.yml from requirements/dev.lock",
                               description="Write environment.yml (conda) from requirements/dev.lock.")
    sync.set_defaults(run=_sync_environment)
    pair = commands.add_parser("pair", help="write the notebooks' text twins (notebooks/py/, what a reviewer reads)",
                               description="Write each notebook's code and prose, without outputs, to notebooks/py/ "
                                           "in jupytext's percent format (needs the dev tools: make pair).")
    pair.set_defaults(run=_pair)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(sys.argv[1:] if argv is None else argv)
    return args.run(args)


if __name__ == "__main__":
    status = main()
    # The process ends here: its last garbage collection need not walk every object the imports made
    # (pandas, papermill, jupyter_client: 0.15 s of every command). Cyclic garbage left is only
    # memory the system takes back; files are closed where they are written.
    import gc

    gc.freeze()
    sys.exit(status)
