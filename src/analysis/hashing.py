"""Content hashes (SHA-256) of files and folders, used to know what changed."""

from __future__ import annotations

import hashlib
from pathlib import Path


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


def folder_hash(folder: Path) -> str:
    """Every file under a folder."""
    return tree_hash([p for p in folder.rglob("*") if p.is_file()], folder)
