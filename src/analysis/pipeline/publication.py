"""Publish a build whole or not at all: stage every output, then move them into place under a
journal, so a build killed at any moment leaves the old publication or (once the journal is
replayed by the next command) the new one; and a manifest of content hashes ties them together.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import shutil
import sys
import time
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from analysis import json_text, paths
from analysis.errors import AnalysisError, OutputError, display_path
from analysis.pipeline.fingerprint import sha256_file

MANIFEST = "manifest.json"
WAIT_SECONDS = 600  # how long a build waits for another one to finish
JOURNAL = "publish-journal.json"


def _journal_path() -> Path:
    return paths.build_dir() / JOURNAL


def write_text(path: Path, text: str) -> None:
    """Write a file atomically (temp file in the same folder, then rename); clear errors."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        with open(tmp, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise output_error(path, exc) from None


def output_error(path: Path, exc: OSError) -> OutputError:
    """An OSError while writing, as a message that says what to do."""
    shown = display_path(path)
    if exc.errno == errno.ENOSPC:
        return OutputError(f"cannot write {shown}: the disk is full. Free some space and run the build again; "
                           "nothing was published.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutputError(f"cannot write {shown}: permission denied (read-only file or folder). Make it writable "
                           "(chmod u+w) or choose another output folder with --out; nothing was published.")
    return OutputError(f"cannot write {shown}: {exc.strerror or exc}. Nothing was published.")


@dataclass
class Stage:
    """Where a build writes everything before publishing it. A staged file lies on its target's
    own file system (``build/`` when it is the same, else a hidden folder beside the target), so
    every rename that publishes it is atomic."""

    root: Path
    moves: list[tuple[Path, Path]] = field(default_factory=list)  # staged file -> target
    removals: list[Path] = field(default_factory=list)  # published files this build withdraws
    roots: list[Path] = field(default_factory=list)  # every staging folder this build made

    def folder_for(self, target: Path) -> Path:
        """The staging folder on ``target``'s file system."""
        if _device(target) == _device(self.root):
            return self.root
        folder = _existing_ancestor(target) / f".analysis-{self.root.name}"
        if folder not in self.roots:
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise output_error(folder, exc) from None
            self.roots.append(folder)
        return folder

    def put(self, target: Path, text: str) -> Path:
        """Stage ``text`` to be published at ``target``."""
        staged = self.folder_for(target) / f"{len(self.moves):03d}-{target.name}"
        write_text(staged, text)
        self.moves.append((staged, target))
        return staged

    def put_file(self, target: Path, staged: Path) -> None:
        """Stage a file already written (a notebook a worker executed), moved to the target's file
        system first when it is elsewhere."""
        folder = self.folder_for(target)
        if staged.parent != folder:
            moved = folder / f"{len(self.moves):03d}-{target.name}"
            try:
                shutil.copyfile(staged, moved)
            except OSError as exc:
                raise output_error(moved, exc) from None
            staged = moved
        self.moves.append((staged, target))

    def remove(self, target: Path) -> None:
        """Withdraw a published file (a page the new build no longer has), with the rest."""
        self.removals.append(target)


def _existing_ancestor(path: Path) -> Path:
    folder = path if path.is_dir() else path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    return folder


def _device(path: Path) -> int:
    return os.stat(_existing_ancestor(path)).st_dev


@contextlib.contextmanager
def stage(prefix: str = "stage") -> Iterator[Stage]:
    """A fresh staging folder inside build/, removed afterwards unless a publication from it is
    unfinished (its journal is then replayed by the next build or ``check``)."""
    root = paths.build_dir() / f"{prefix}-{os.getpid()}"
    _remove_stale_stages(prefix)
    shutil.rmtree(root, ignore_errors=True)
    try:
        root.mkdir(parents=True)
    except OSError as exc:
        raise output_error(root, exc) from None
    st = Stage(root, roots=[root])
    try:
        yield st
    finally:
        if not _journal_path().is_file():
            for folder in st.roots:
                shutil.rmtree(folder, ignore_errors=True)


def _remove_stale_stages(prefix: str) -> None:
    """Staging folders left by builds that were killed (their process is gone), unless the journal
    of an unfinished publication still needs them."""
    if _journal_path().is_file():
        return
    for folder in paths.build_dir().glob(f"{prefix}-*"):
        pid = folder.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def check_writable(targets: list[Path]) -> None:
    """Fail before publishing anything if a target cannot be written: a folder where a file goes,
    a file where a folder must be, or no permission."""
    for target in targets:
        if target.is_dir():
            raise OutputError(f"cannot publish {display_path(target)}: it is a folder, where the build writes a "
                              "file. Move it away and run again; nothing was published.")
        folder = target.parent
        while not folder.exists():
            folder = folder.parent
        if not folder.is_dir():
            raise OutputError(f"cannot publish {display_path(target)}: {display_path(folder)} is a file, where the "
                              "build needs a folder. Move it away and run again; nothing was published.")
        if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
            raise output_error(target if target.exists() else folder, OSError(errno.EACCES, "permission denied"))


def publish(st: Stage) -> None:
    """Move every staged file into place: check every target first, write the journal, replay it,
    remove it. A failure or an interruption during the renames leaves the journal and the stage,
    and the next build or ``check`` finishes the publication."""
    if not (st.moves or st.removals):
        return
    check_writable([target for _, target in st.moves] + st.removals)
    journal = _journal_path()
    write_text(journal, json.dumps({"moves": [[str(a), str(b)] for a, b in st.moves],
                                    "remove": [str(t) for t in st.removals],
                                    "stages": [str(r) for r in st.roots]}, indent=1))
    replay()


def replay() -> bool:
    """Finish a publication a previous build started (after a kill, a crash or a full disk): every
    rename not yet done is done, then the journal and the stage are removed. A rename that still
    fails keeps both, and says so."""
    journal = _journal_path()
    if not journal.is_file():
        return False
    try:
        entry = json.loads(journal.read_text(encoding="utf-8"))
        moves, removals = entry["moves"], entry.get("remove", [])
        stages = [Path(s) for s in entry.get("stages", [])]
        moves = [(Path(a), Path(b)) for a, b in moves]
    except (OSError, ValueError, KeyError, TypeError):
        journal.unlink(missing_ok=True)  # a journal cut short was never acted on
        return False
    pending = [(a, b) for a, b in moves if a.exists()]
    check_writable([target for _, target in pending])
    for done, (staged, target) in enumerate(pending):
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staged, target)
        except OSError as exc:
            raise OutputError(f"publishing stopped after {done} of {len(pending)} files: {output_error(target, exc)} "
                              "The rest stays staged: fix the cause, then run `make report` or `make check` to "
                              "finish publishing (the old and the new files are never left mixed).") from None
    for target in removals:
        try:
            Path(target).unlink(missing_ok=True)
        except OSError as exc:
            raise output_error(Path(target), exc) from None
    journal.unlink()
    for folder in stages:
        shutil.rmtree(folder, ignore_errors=True)
    return True


def _lock_file():
    lock_path = paths.build_dir() / ".build.lock"
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        return open(lock_path, "a+")
    except OSError as exc:
        raise output_error(lock_path, exc) from None


@contextlib.contextmanager
def build_lock(wait: bool = True) -> Iterator[None]:
    """One build at a time: a second build waits for the first (or, with ``wait=False``, refuses).

    The lock is an ``flock`` on a file of ``build/``; it is released when its holder exits, however
    it exits. Its descriptor is not inheritable and the runner's kernels are new processes (exec'd),
    so no kernel ever holds it after the runner is gone. The report's forks (:mod:`analysis.fork`)
    share it while they draw, never unlock it, and are killed when the runner ends."""
    handle = _lock_file()
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "unknown"
        if not wait:
            handle.close()
            raise AnalysisError(f"a build (pid {holder}) is running: run this again when it has finished.") from None
        print(f"another build is running (pid {holder}): waiting for it to finish…", file=sys.stderr, flush=True)
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    handle.close()
                    raise AnalysisError(f"another build (pid {holder}) has been running for more than "
                                        f"{WAIT_SECONDS // 60} minutes. Wait for it, or stop it, and run again.") from None
                time.sleep(0.5)
    try:
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


# --- manifest ------------------------------------------------------------------------------------

def read_results(results_dir: Path, skip: Collection[str] = (), hashes: dict[str, str] | None = None
                 ) -> dict[str, list[dict]]:
    """The verdict records a results folder holds, by notebook (``01_calls`` -> records), in file order;
    a file that is not a list of records is named. ``skip``: notebooks whose files are not read (a
    build has their new records already). ``hashes``, if given, gets the sha256 of each text read."""
    from analysis.hashing import sha256_bytes

    found = {}
    for path in sorted(results_dir.glob("[0-9]*.json")):
        if path.stem in skip:
            continue
        try:
            text = path.read_text(encoding="utf-8")
            records = json_text.loads(text)
        except (ValueError, OSError) as exc:
            raise OutputError(f"{display_path(path)} is not readable JSON ({exc}): rebuild it with "
                              "`python -m analysis build --force`.") from None
        if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
            raise OutputError(f"{display_path(path)} is not a list of verdict records: rebuild it with "
                              "`python -m analysis build --force`.")
        found[path.stem] = records
        if hashes is not None:
            hashes[path.stem] = sha256_bytes(text.encode())
    return found


def records_in(results_dir: Path) -> list[dict]:
    """Every verdict record of a results folder, notebook by notebook."""
    return [r for records in read_results(results_dir).values() for r in records]


def manifest_path(results_dir: Path) -> Path:
    return results_dir / MANIFEST


def read_manifest(results_dir: Path) -> dict:
    path = manifest_path(results_dir)
    if not path.is_file():
        return {"notebooks": {}}
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, OSError):
        return {"notebooks": {}}  # a damaged manifest: everything is rebuilt
    if not isinstance(manifest, dict) or not isinstance(manifest.get("notebooks"), dict):
        return {"notebooks": {}}
    # An entry edited by hand into another shape is dropped: its notebook is simply rebuilt.
    manifest["notebooks"] = {name: entry for name, entry in manifest["notebooks"].items()
                             if isinstance(entry, dict) and isinstance(entry.get("outputs", {}), dict)}
    return manifest


def manifest_text(manifest: dict) -> str:
    return json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def mismatches(root: Path, results_dir: Path) -> list[str]:
    """Every published file that differs from what the manifest says (empty: consistent)."""
    manifest = read_manifest(results_dir)
    problems = []
    if not manifest_path(results_dir).is_file():
        return [f"{display_path(manifest_path(results_dir))} is missing: run `make report`"]
    for name, entry in sorted(manifest["notebooks"].items()):
        for relative, digest in sorted(entry.get("outputs", {}).items()):
            path = root / relative
            if not path.is_file():
                problems.append(f"{relative} is missing (manifest entry of {name})")
            elif sha256_file(path) != digest:
                problems.append(f"{relative} differs from the build that produced it (manifest entry of {name})")
    return problems
