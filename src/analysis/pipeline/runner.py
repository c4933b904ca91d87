"""The runner behind ``make report`` (``python -m analysis build``).

1. Finish any publication a killed build left half done; take the build lock (a second build
   waits for the first).
2. Validate the data package, the notebooks and the register (skipped when none of them changed
   since the last validated build); check ``-p`` overrides against the parameters the notebooks
   declare (an unknown name or a bad value stops everything, exit status 2).
3. Plan: a notebook whose inputs (source cells, the data it read, the package, the locks and
   config, the parameters) hash as in the manifest, and whose outputs are intact, is skipped;
   ``--force`` runs everything; ``-p`` runs only the notebooks that declare the parameter.
4. Execute the rest in parallel, one worker per core, each into a staging folder; one progress
   line per notebook as it finishes.
5. Check the records against the register; render the README table and the report from them
   (each skipped if its inputs did not change); write the manifest; publish everything in one
   step under a journal.

A notebook that fails publishes nothing of itself; the others still publish; the exit status is
then 1 (2 when the failure is not the notebook's code: a dead kernel, an unwritable output).
Errors the user can fix end with a message and exit status 2 (``--debug`` shows the traceback).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from collections import Counter
from concurrent.futures import as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from analysis import collector, paths
from analysis.errors import AnalysisError, NotebookError, RegisterError, display_path

if TYPE_CHECKING:
    import pandas as pd

    from analysis.pipeline.execute import Result
    from analysis.pipeline.kernels import KernelPool

PROG = "python -m analysis build"
#: The notebook parameter through which a kernel receives the data folder (``--data-dir``).
DATA_PARAMETER = "data_dir"


@dataclass
class Plan:
    notebook: Path
    inputs: str
    run: bool
    why: str
    params: dict
    package: str = ""  # the hashes of the package and the lock as planned (what the run's inputs record)
    lock: str = ""


def discover(given: list[Path] | None = None) -> list[Path]:
    if given:
        missing = [p for p in given if not Path(p).is_file()]
        if missing:
            raise NotebookError(f"{missing[0]}: notebook not found (give a path like notebooks/01_calls.ipynb)")
        return sorted(Path(p).resolve() for p in given)
    found = sorted(paths.notebooks_dir().glob("[0-9]*.ipynb"))
    if not found:
        raise NotebookError(f"no notebook in {paths.notebooks_dir()} (expected 01_….ipynb); restore them with git")
    return found


def check_overrides(notebooks: list[Path], overrides: dict[str, str]) -> list[Path]:
    """Check ``-p`` values; return the notebooks they concern (all, without overrides)."""
    from analysis.io import parameters
    from analysis.pipeline.notebooks import declared_parameters

    declared = {nb: declared_parameters(nb) for nb in notebooks}
    if not overrides:
        return notebooks
    if DATA_PARAMETER in overrides:
        from analysis.errors import ParameterError

        raise ParameterError(f"give another data folder with --data-dir DIR, not -p {DATA_PARAMETER}=…")
    accepted = sorted({name for names in declared.values() for name in names})
    parameters.check(overrides, accepted=accepted)
    return [nb for nb in notebooks if set(overrides) & set(declared[nb])]


def plan(notebooks: list[Path], out_root: Path, results_dir: Path, data_dir: Path, overrides: dict, force: bool,
         manifest: dict) -> list[Plan]:
    from analysis.pipeline import fingerprint
    from analysis.pipeline import notebooks as nbs
    from analysis.pipeline.publication import mismatches

    package, lock = fingerprint.package_hash(), fingerprint.lock_hash()
    broken = {problem.split(" ")[0] for problem in mismatches(out_root, results_dir)}
    plans = []
    for notebook in notebooks:
        name = notebook.stem
        entry = manifest["notebooks"].get(name, {})
        source = nbs.source_text(nbs.read(notebook))
        mine = nbs.coerce(notebook, overrides)
        inputs = fingerprint.inputs_hash(source, data_dir, entry.get("tables"), mine, package, lock)
        outputs = entry.get("outputs", {})
        intact = bool(outputs) and not any(rel in broken for rel in outputs)
        if force:
            plans.append(Plan(notebook, inputs, True, "forced", mine, package, lock))
        elif entry.get("inputs") == inputs and intact:
            plans.append(Plan(notebook, inputs, False, "unchanged", mine, package, lock))
        else:
            plans.append(Plan(notebook, inputs, True, "changed" if entry else "new", mine, package, lock))
    return plans


def inputs_now(data: Path) -> str:
    """The hash of what a build reads: the data folder and the notebooks (compared before publishing,
    so a file saved while the build ran never gets recorded as its input)."""
    from analysis.pipeline.fingerprint import folder_hash, sha256_bytes, sha256_file

    notebooks = [sha256_file(p) for p in sorted(paths.notebooks_dir().glob("*.ipynb"))]
    return sha256_bytes(json.dumps([folder_hash(data), notebooks]).encode())


def _progress(stream, index: int, total: int, name: str, status: str) -> None:
    print(f"[{index}/{total}] {name} ... {status}", file=stream, flush=True)


def build(notebooks: list[Path] | None = None, overrides: dict[str, str] | None = None, out: Path | None = None,
          data_dir: Path | None = None, base_url: str = "", force: bool = False, jobs: int | None = None,
          stream=None, verbose: bool = False, warm: bool = True) -> int:
    """Run the build; return the exit status (0 ok, 1 a notebook failed, 2 it could not run).
    ``warm``: the notebooks run in a few kernels started once, reset before each notebook
    (:mod:`analysis.pipeline.kernels`); ``False``: a new kernel for each notebook. Either way the
    kernels are forked from a process that starts importing what they need now, while the build
    reads and checks its inputs (:mod:`analysis.pipeline.kernel_fork`; stopped at once if there
    is nothing to run)."""
    from analysis.pipeline.kernel_fork import start_zygote

    zygote = start_zygote(paths.notebooks_dir())
    try:
        return _build(notebooks, overrides, out, data_dir, base_url, force, jobs, stream, verbose, warm, zygote)
    finally:
        if zygote is not None:
            zygote.close()  # the kernel pool's, if it started one, closed it already


def _build(notebooks, overrides, out, data_dir, base_url, force, jobs, stream, verbose, warm, zygote) -> int:
    stream = stream or sys.stdout
    from analysis.pipeline import execute, fingerprint
    from analysis.pipeline import publication as pub

    overrides = overrides or {}
    data = paths.data_dir(data_dir)
    notebooks = discover(notebooks)
    from analysis.pipeline import notebooks as nbs

    for notebook in notebooks:
        nbs.read(notebook)
    in_place = out is None
    root = paths.project_root() if in_place else Path(out)
    # A re-run with other settings or data is not the publication: its report says so.
    variant = " ".join([*(f"{k}={v}" for k, v in sorted(overrides.items())),
                        *([f"data={data}"] if data_dir is not None else [])])
    failed_dir = paths.build_dir() / "failed" if in_place else root / "failed"
    results_dir = root / "results"
    manifest = pub.read_manifest(results_dir)
    chosen = check_overrides(notebooks, overrides)
    plans = plan(chosen, root, results_dir, data, overrides, force, manifest)
    if data_dir is not None:
        for p in plans:
            if DATA_PARAMETER in nbs.declared_parameters(p.notebook):
                p.params = {**p.params, DATA_PARAMETER: str(data)}
    todo = [p for p in plans if p.run]
    # Fail before any kernel starts if the outputs cannot be written (checked again at publication).
    pub.check_writable([t for p in todo for t in (root / "notebooks" / p.notebook.name,
                                                  results_dir / f"{p.notebook.stem}.json")])
    validated = fingerprint.sha256_bytes(json.dumps(
        [fingerprint.data_hash(data, None), fingerprint.package_hash(), [n.name for n in discover()]]).encode())
    checked = manifest.get("validated") == validated  # these inputs passed every check before

    def start_kernels() -> KernelPool | None:
        if not todo:
            if zygote is not None:
                zygote.close()  # nothing to run: its core is free again
            return None
        from analysis.pipeline.kernels import KernelPool

        return KernelPool(max(1, min(jobs or os.cpu_count() or 1, len(todo))), paths.notebooks_dir(),
                          execute.KERNEL, execute.EXTRA_ARGUMENTS, reuse=warm, zygote=zygote)

    # Inputs already checked: the kernels start now and import the package while the rest is read.
    # Otherwise the checks come first, so an input error starts no kernel.
    kernels = start_kernels() if checked else None
    try:
        from analysis.io.package import DataPackage

        package = DataPackage.open(data, validate=False)
        inputs_before = inputs_now(data)
        if in_place:
            from analysis.publish import readme

            readme.check_markers((paths.project_root() / "README.md").read_text(encoding="utf-8"))
        if not checked:
            from analysis.io import register
            from analysis.io.validate import validate_package
            from analysis.pipeline.register_checks import check_register

            validate_package(package)
            register.check_assignments([nb.stem for nb in discover()], package.claims)
            check_register(package)
            kernels = start_kernels()
        total = len(plans)
        done = 0
        with pub.stage() as st:
            for p in plans:
                if not p.run:
                    done += 1
                    _progress(stream, done, total, p.notebook.name, "unchanged, skipped")
            jobs_ = [execute.Job(p.notebook, st.root / f"run-{p.notebook.name}", p.params, failed_dir)
                     for p in heaviest_first(todo, package.claims, read_timings(data))]
            if kernels is not None:
                # What running and finishing a notebook need (papermill and its engine, the record
                # schema), imported here while the kernels warm up, not once they are ready (0.4 s)
                from analysis.pipeline import warm_engine  # noqa: F401
                from analysis.verdicts import records  # noqa: F401
            with collector.spared():
                results = _run(jobs_, kernels, stream, done, total) if kernels is not None else {}
                write_timings(results, data)
                if kernels is not None:
                    kernels.close()  # before publishing: the kernels' memory and cores are free again
                if inputs_now(data) != inputs_before:
                    raise AnalysisError(f"the data in {data} or a notebook changed while the build ran: its results may "
                                        "mix old and new inputs. Nothing was published; run the build again.")
                return _publish(st, plans, results, root, manifest, validated, package, base_url, in_place, stream,
                                variant, verbose)
    finally:
        if kernels is not None:
            kernels.close()


def heaviest_first(plans: list[Plan], claims: list, seconds: dict[str, float] | None = None) -> list[Plan]:
    """The notebooks to run, longest first (then by name): on a few kernels, the longest jobs start
    first and the short ones fill in, so no kernel is left with two long ones. Longest by the
    seconds each took when it last ran here (``seconds``, see :func:`read_timings`) if every one
    of them has run before, else by the number of claims it checks."""
    seconds = seconds or {}
    if all(p.notebook.stem in seconds for p in plans):
        return sorted(plans, key=lambda p: (-seconds[p.notebook.stem], p.notebook.name))
    counts: dict[str, int] = {}
    for claim in claims:
        counts[claim.notebook] = counts.get(claim.notebook, 0) + 1
    return sorted(plans, key=lambda p: (-counts.get(p.notebook.stem, 0), p.notebook.name))


#: How long each notebook took when it last ran on this machine, by data folder (scratch, never published).
TIMINGS = "timings.json"


def read_timings(data: Path) -> dict[str, float]:
    """Seconds each notebook took when it last ran here on the data in ``data``; nothing if unknown
    or unreadable."""
    found = _timings().get(str(data), {})
    return {k: float(v) for k, v in found.items() if isinstance(v, (int, float))} if isinstance(found, dict) else {}


def write_timings(results: dict, data: Path) -> None:
    """Remember how long each notebook that ran took (for the next build's order); a failure to
    write is no reason to fail the build."""
    every = {folder: seconds for folder, seconds in _timings().items() if Path(folder).is_dir()}  # no dead folders
    every[str(data)] = {**read_timings(data), **{name: round(r.seconds, 3) for name, r in results.items() if r.ok}}
    target = paths.build_dir() / TIMINGS
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(every, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        os.replace(temporary, target)
    except OSError:
        pass


def _timings() -> dict:
    try:
        found = json.loads((paths.build_dir() / TIMINGS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def _run(jobs: list, kernels: KernelPool, stream, done: int, total: int) -> dict:
    """Run the notebooks, as many at once as ``kernels`` has kernels (threads: the work is in the
    kernels); print a line as each ends. Returns each notebook's result by its stem.

    A kernel's thread only runs notebooks (:func:`~analysis.pipeline.execute.run`); this thread
    finishes each (:func:`~analysis.pipeline.execute.finish`: its records checked, its file
    written) while the kernels go on with the next ones."""
    from analysis.pipeline import execute

    results: dict[str, execute.Result] = {}
    try:
        futures = {kernels.submit(execute.run, job, kernels): job for job in jobs}
        for future in as_completed(futures):
            job = futures.pop(future)  # the future's copy goes; the result keeps the notebook for the report
            try:
                ran = future.result()
                result = execute.finish(ran) if isinstance(ran, execute.Ran) else ran
            except Exception as exc:  # noqa: BLE001 - a job that failed outside its notebook
                result = execute.Result(job.notebook.name, False, 0.0, exit_status=2,
                                        error=f"the run failed: {type(exc).__name__}: {exc}")
            results[job.notebook.stem] = result
            done += 1
            status = f"ok {result.seconds:.1f} s" if result.ok else f"FAILED after {result.seconds:.1f} s"
            _progress(stream, done, total, job.notebook.name, status)
            if not result.ok:
                print(f"    {result.error}", file=stream, flush=True)
    except BaseException:
        kernels.close()  # interrupted: stop the kernels at once, so the notebooks still running end now
        raise
    return results


def _report_inputs(records_hashes: list[tuple[str, str]], notebook_hashes: list[str], data: Path, base_url: str,
                   variant: str) -> str:
    """The hash of everything the report is made from (the records, by the hash of each notebook's
    results text, which they are written to byte for byte; the notebook pages; the data folder with
    its coverage; the package; the publication config and corrections)."""
    from analysis.pipeline import fingerprint

    root = paths.project_root()
    parts = [records_hashes, notebook_hashes, fingerprint.data_hash(data, None), fingerprint.package_hash(),
             fingerprint.lock_hash(), base_url, variant]
    corrections = root / "publication" / "corrections.csv"
    if corrections.is_file():
        parts.append(fingerprint.sha256_file(corrections))
    return fingerprint.sha256_bytes(json.dumps(parts).encode())


def _publish(st, plans, results, root, manifest, validated, package, base_url, in_place, stream, variant="",
             verbose=False) -> int:
    data = package.folder
    from analysis.pipeline import publication as pub
    from analysis.pipeline.fingerprint import sha256_bytes, sha256_file

    out_notebooks, results_dir = root / "notebooks", root / "results"
    before = _verdicts_in(results_dir)
    records_by_notebook: dict[str, list[dict]] = {}
    new_manifest = {"notebooks": dict(manifest["notebooks"]), "validated": validated}
    for key in ("readme", "report"):
        if key in manifest:
            new_manifest[key] = manifest[key]
    records_hashes: dict[str, str] = {}  # notebook -> sha256 of its results text
    for p in plans:
        name = p.notebook.stem
        result = results.get(name)
        if result is not None and result.ok:
            from analysis.verdicts.records import dumps

            results_text = result.results_text or dumps(result.records)
            st.put_file(out_notebooks / p.notebook.name, result.staged)
            st.put(results_dir / f"{name}.json", results_text)
            records_by_notebook[name] = result.records
            records_hashes[name] = result.results_sha256 or sha256_bytes(results_text.encode())
            notebook_hash = result.notebook_sha256 or sha256_file(result.staged)
            new_manifest["notebooks"][name] = {
                "inputs": _inputs_with_tables(p, result.tables, data), "tables": result.tables,
                "outputs": {f"notebooks/{p.notebook.name}": notebook_hash, f"results/{name}.json": records_hashes[name]}}
    records_by_notebook.update(pub.read_results(results_dir, skip=records_by_notebook, hashes=records_hashes))
    records = [r for name in sorted(records_by_notebook) for r in records_by_notebook[name]]
    failures = [r for r in results.values() if not r.ok]
    if not records and failures:
        print(f"\nNothing was published: every notebook that ran failed ({len(failures)}); "
              "see the messages above.", file=stream)
        return max(r.exit_status for r in failures)
    if not records:
        raise RegisterError("no verdict record to publish: the build found no results and ran no notebook")
    ran = [r for r in results.values() if r.ok]
    if ran:
        from analysis.io import register
        from analysis.pipeline.register_checks import check_complete

        register.check_records(records, package.claims)
        if set(records_by_notebook) >= {nb.stem for nb in discover()}:
            check_complete(records, package.claims)
    if in_place:
        _stage_readme(st, records, new_manifest, bool(ran))
    report_dir = paths.report_dir() if in_place else root / "report"
    notebook_hashes = sorted(h for e in new_manifest["notebooks"].values() for h in e.get("outputs", {}).values())
    report_inputs = _report_inputs(sorted(records_hashes.items()), notebook_hashes, data, base_url, variant)
    report_manifest = report_dir / "manifest.json"
    current = json.loads(report_manifest.read_text(encoding="utf-8")) if report_manifest.is_file() else {}
    report_intact = current.get("inputs") == report_inputs and all(
        (report_dir / rel).is_file() for rel in current.get("files", []))
    if not report_intact:
        from analysis.publish import report

        published = {} if in_place else _verdicts_in(paths.results_dir())
        pages = report.render(records, out_notebooks, package, base_url, published=published, staged_notebooks={
            p.notebook.name: _shown(results[p.notebook.stem]) for p in plans
            if p.notebook.stem in results and results[p.notebook.stem].ok}, variant=variant)
        for relative, text in pages.items():
            st.put(report_dir / relative, text)
        for relative in sorted(set(current.get("files", [])) - set(pages)):
            st.remove(report_dir / relative)  # e.g. the ClaimReview file of a run that is now a variant
        st.put(report_manifest, json.dumps({"inputs": report_inputs, "files": sorted(pages)}, indent=1) + "\n")
    if new_manifest != manifest or not pub.manifest_path(results_dir).is_file():
        st.put(pub.manifest_path(results_dir), pub.manifest_text(new_manifest))
    pub.publish(st)
    _summary(records, results, plans, root, report_dir, verbose, stream)
    _drafts(package, stream)
    _publication_settings(base_url, variant, stream)
    _changes(before, records, in_place and not variant, stream)
    if failures:
        return max(r.exit_status for r in failures)
    return 0


def _shown(result: Result):
    """What the report shows of a notebook that ran: the executed notebook itself when the build
    has it (no need to read back the file it has just written), else that file."""
    return result.notebook if result.notebook is not None else result.staged


def _stage_readme(st, records: list[dict], manifest: dict, changed: bool) -> None:
    """Stage the README with its verdict table regenerated, unless neither the records nor the
    README's table changed since the last build."""
    from analysis.pipeline.fingerprint import sha256_bytes

    readme_path = paths.project_root() / "README.md"
    text = readme_path.read_text(encoding="utf-8")
    marker = "<!-- verdicts:start -->"
    section = text[text.find(marker):] if marker in text else ""
    if not changed and manifest.get("readme") == sha256_bytes(section.encode()):
        return
    from analysis.publish import readme

    new_text = readme.updated(text, records)
    manifest["readme"] = sha256_bytes(new_text[new_text.find(marker):].encode())
    if new_text != text:
        st.put(readme_path, new_text)


def _verdicts_in(results_dir: Path) -> dict[str, str]:
    """claim id -> verdict of the results a folder holds now (before this build publishes); nothing
    if they cannot be read (the build replaces them anyway)."""
    from analysis.pipeline.publication import records_in

    try:
        return {r["claim_id"]: r["verdict"] for r in records_in(results_dir)}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _changes(before: dict[str, str], records: list[dict], publication: bool, stream) -> None:
    """Say which verdicts this build changed, and where a published change must be recorded."""
    if not before:
        return
    changed = [(r["claim_id"], before[r["claim_id"]], r["verdict"]) for r in records
               if r["claim_id"] in before and before[r["claim_id"]] != r["verdict"]]
    added = [r["claim_id"] for r in records if r["claim_id"] not in before]
    if not (changed or added):
        return
    print(f"\nVerdicts changed by this build ({len(changed)}), new claims ({len(added)}):", file=stream)
    for claim_id, old, new in changed:
        print(f"  {claim_id}: {old} -> {new}", file=stream)
    for claim_id in added:
        print(f"  {claim_id}: new", file=stream)
    if publication and changed:
        print("Before publishing, record each changed verdict with its reason in publication/corrections.csv and "
              "CHANGELOG.md (the corrections log readers see).", file=stream)


def _publication_settings(base_url: str, variant: str, stream) -> None:
    """Say what the publication config lacks for the report to be usable where it lands."""
    from analysis.io.publication import config_path, publication

    config = publication()
    if not variant and not (base_url or config.base_url):
        print(f"\nNo ClaimReview was written: its URLs must be absolute. Set base_url in {display_path(config_path())} "
              "to the address where report/ is published (ending in /), or pass --base-url https://…/.", file=stream)
    if not config.contact_url:
        print(f"No contact_url in {display_path(config_path())}: the report tells readers where corrections are "
              "logged and to write to the project's repository, without a link. Set contact_url to give them one.",
              file=stream)


def _drafts(package, stream) -> None:
    """Say which drafts still wait for review: never published as verdicts, never forgotten."""
    if "drafts" not in package.tables:
        return
    drafts = package.table("drafts")
    if drafts.empty:
        return
    counts = drafts.groupby("article_id", sort=True).size()
    listed = ", ".join(f"{article} {n}" for article, n in counts.items())
    print(f"\nDrafts still to review ({len(drafts)}: {listed}) in {display_path(package.path('drafts'))}: "
          "complete each into data/claims.csv, or exclude it with a reason (README, 'Adding an article'). "
          "The method page lists them under what was not checked.", file=stream)


def _summary(records, results, plans, root, report_dir, verbose: bool, stream) -> None:
    from analysis.publish.tables import as_text

    counts = Counter(r["verdict"] for r in records)
    print(file=stream)
    if verbose:
        from analysis.publish.readme import summary_frame

        print(as_text(summary_frame(records)), file=stream)
    else:
        print(as_text(verdicts_by_notebook(records)), file=stream)
        print("(one row per claim: --verbose)", file=stream)
    ran = sum(1 for r in results.values() if r.ok)
    failed = sum(1 for r in results.values() if not r.ok)
    skipped = sum(1 for p in plans if not p.run)
    note = " (nothing they read has changed; --force re-runs them)" if skipped and not results else ""
    print(f"\n{ran} notebook(s) ran, {skipped} unchanged{note}, {failed} failed; {len(records)} verdicts: "
          + ", ".join(f"{code} {n}" for code, n in sorted(counts.items())), file=stream)
    where = "this folder" if root == paths.project_root() else str(root)
    print(f"Notebooks and results in {where}; report: {report_dir / 'index.html'}", file=stream)


def verdicts_by_notebook(records: list[dict]) -> pd.DataFrame:
    """How many verdicts of each code each notebook gave, with totals ("all"): what pandas'
    crosstab with margins gives, counted in Python (crosstab's machinery cost every build 20 ms)."""
    import pandas as pd

    notebooks = sorted({r["notebook"] for r in records})
    codes = sorted({r["verdict"] for r in records})
    counts = Counter((r["notebook"], r["verdict"]) for r in records)
    rows = [[name, *(counts[(name, code)] for code in codes), sum(counts[(name, code)] for code in codes)]
            for name in notebooks]
    rows.append(["all", *(sum(counts[(name, code)] for name in notebooks) for code in codes), len(records)])
    return pd.DataFrame(rows, columns=["notebook", *codes, "all"])


def _inputs_with_tables(p: Plan, tables: list[str], data: Path) -> str:
    """The inputs hash recomputed with the tables the run actually read (what the next build compares)."""
    from analysis.pipeline import fingerprint
    from analysis.pipeline import notebooks as nbs

    return fingerprint.inputs_hash(nbs.source_text(nbs.read(p.notebook)), data, tables, p.params,
                                   p.package or fingerprint.package_hash(), p.lock or fingerprint.lock_hash())


class Terminated(BaseException):
    """SIGTERM: the build stops as on Ctrl-C, cleaning up, with one line and no traceback."""


def _terminated(signum, frame) -> None:
    raise Terminated()


DESCRIPTION = "Run the notebooks that changed and publish the fact-check (notebooks, results, README, report)."


def configure(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The build's options, on the parser the command line gives it (``python -m analysis build``)."""
    from analysis.io.parameters import describe

    parser.description = DESCRIPTION
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = ("Parameters (-p NAME=VALUE):\n" + describe(None) + "\n\nA run with -p or --data-dir goes to its "
                     "own folder (build/runs/…) and its report says it is not the publication.\n\nExit status: 0 "
                     "published, 1 a notebook failed, 2 an error to fix (nothing published), 130 interrupted.")
    parser.add_argument("-p", "--parameter", action="append", default=[], metavar="NAME=VALUE",
                        help="override a notebook parameter; runs only the notebooks that declare it, into "
                             "build/runs/… (or --out), never over the committed notebooks")
    parser.add_argument("--out", type=Path, default=None, help="output folder for notebooks/, results/, report/")
    parser.add_argument("--data-dir", type=Path, default=None, help="use another copy of data/")
    parser.add_argument("--base-url", default="", help="where the report will be published (absolute ClaimReview URLs)")
    parser.add_argument("--force", action="store_true", help="re-run every notebook, changed or not")
    parser.add_argument("--jobs", type=int, default=None, help="notebooks run at once (default: one per core)")
    parser.add_argument("--kernel-per-notebook", action="store_true",
                        help="start a kernel of its own for each notebook (slower) instead of one warm kernel "
                             "per worker, reset before each notebook; to rule out anything carried between notebooks")
    parser.add_argument("--verbose", action="store_true", help="print every claim's verdict at the end")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an error")
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks to run (default: all)")
    parser.set_defaults(run=run)
    return parser


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis build`` on its own (the tests call it so)."""
    parser = configure(argparse.ArgumentParser(prog=PROG))
    return run(parser.parse_args(argv), parser)


def run(args: argparse.Namespace, parser: argparse.ArgumentParser | None = None) -> int:
    """Run the build the parsed arguments ask for; return the exit status."""
    overrides: dict[str, str] = {}
    for item in args.parameter:
        name, sep, value = item.partition("=")
        if not sep:
            print(f"error: -p takes NAME=VALUE, got {item!r}", file=sys.stderr)
            return 2
        overrides[name.strip()] = value.strip()
    out = args.out
    if out is None and (overrides or args.data_dir):
        slug = "_".join(f"{k}-{v}" for k, v in sorted(overrides.items())) or "data-dir"
        out = paths.build_dir() / "runs" / "".join(c if c.isalnum() or c in "-_." else "-" for c in slug)
    started = time.monotonic()
    from analysis.pipeline.guards import check_base_url, check_locale, check_out
    from analysis.pipeline.publication import build_lock, replay

    previous = signal.signal(signal.SIGTERM, _terminated)
    try:
        check_locale(sys.stdout, sys.stderr)
        base_url = check_base_url(args.base_url)
        if out is not None:
            check_out(out, args.data_dir)
        with build_lock():
            if replay():
                print("Finished publishing the build that was interrupted.", flush=True)
            status = build(list(args.notebooks) or None, overrides, out.resolve() if out else None,
                           args.data_dir, base_url, args.force, args.jobs, verbose=args.verbose,
                           warm=not args.kernel_per_notebook)
    except AnalysisError as exc:
        if args.debug:
            raise
        print(f"error: {exc}", file=sys.stderr)
        return exc.exit_status
    except OSError as exc:  # a write the stage did not wrap (a full disk, a vanished folder)
        if args.debug:
            raise
        from analysis.pipeline.publication import output_error

        target = Path(exc.filename) if exc.filename else (out or paths.project_root())
        print(f"error: {output_error(target, exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: nothing more was published (run the build again to finish).", file=sys.stderr)
        return 130
    except Terminated:
        print("stopped (SIGTERM): nothing more was published (run the build again to finish).", file=sys.stderr)
        return 143
    finally:
        signal.signal(signal.SIGTERM, previous)
    print(f"({time.monotonic() - started:.1f} s)")
    return status
