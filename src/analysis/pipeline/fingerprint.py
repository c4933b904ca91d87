"""Content hashes of everything that determines a notebook's outputs, and of the outputs.

A notebook's inputs: its source cells, the data files it read on its last run (its tables, the
descriptor and the article texts), the package's source, the lock file, and the parameters. If
none changed since the outputs were built, running it again would change no byte: it is skipped.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from analysis import paths


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def tree_hash(files: list[Path], root: Path) -> str:
    """One hash for a set of files: their paths (relative to ``root``) and contents, in order."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(sha256_file(path).encode())
    return digest.hexdigest()


def package_hash() -> str:
    """The package's own files (code, templates, catalogs)."""
    src = Path(__file__).resolve().parents[1]
    files = [p for p in src.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return tree_hash(files, src)


def lock_hash() -> str:
    lock = paths.project_root() / "requirements" / "report.lock"
    return sha256_file(lock) if lock.is_file() else ""


def data_hash(data_dir: Path, tables: list[str] | None) -> str:
    """The descriptor, the article texts and the given tables' files (all files if ``None``)."""
    if tables is None:
        files = [p for p in data_dir.rglob("*") if p.is_file()]
    else:
        files = [data_dir / "datapackage.json", *sorted((data_dir / "articles").glob("*"))]
        files += [data_dir / f"{name}.csv" for name in tables if (data_dir / f"{name}.csv").is_file()]
    return tree_hash([f for f in files if f.is_file()], data_dir)


def inputs_hash(notebook_source: str, data_dir: Path, tables: list[str] | None, parameters: dict,
                package: str, lock: str) -> str:
    """The hash of everything that determines one notebook's outputs."""
    parts = {"source": sha256_bytes(notebook_source.encode()), "data": data_hash(data_dir, tables),
             "package": package, "lock": lock, "parameters": parameters}
    return sha256_bytes(json.dumps(parts, sort_keys=True).encode())
