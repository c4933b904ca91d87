"""Content hashes of everything that determines a notebook's outputs, and of the outputs.

A notebook's inputs: its source cells, the data files it read on its last run (its tables, the
descriptor and the article texts), the package's source, the lock file, and the parameters. If
none changed since the outputs were built, running it again would change no byte: it is skipped.
"""

from __future__ import annotations

import json
from pathlib import Path

from analysis import paths
from analysis.hashing import folder_hash, sha256_bytes, sha256_file, tree_hash

__all__ = ["data_hash", "inputs_hash", "lock_hash", "package_hash", "sha256_bytes", "sha256_file", "tree_hash"]


def package_hash() -> str:
    """The package's own files (code, templates, catalogs)."""
    src = Path(__file__).resolve().parents[1]
    files = [p for p in src.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return tree_hash(files, src)


def lock_hash() -> str:
    """The report lock and the publication config (both change what a notebook prints)."""
    root = paths.project_root()
    parts = [root / "requirements" / "report.lock", root / "publication" / "config.toml"]
    return sha256_bytes("".join(sha256_file(p) for p in parts if p.is_file()).encode())


def data_hash(data_dir: Path, tables: list[str] | None) -> str:
    """The descriptor, the article texts and the given tables' files (all files if ``None``)."""
    if tables is None:
        return folder_hash(data_dir)
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
