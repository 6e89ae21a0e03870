"""Stage 1, read: find the raw files, decode their bytes once, split them into lines.

A file that cannot be used becomes a *rejected* ``Document`` with a one-sentence reason;
the build goes on without it.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from pathlib import Path

from .records import Document, Line

EXTENSIONS = (".txt", ".text", ".md")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x7fELF")
# Physical line breaks: CRLF, CR, LF, and the Unicode line/paragraph separators.
_LINE = re.compile(r"([^\r\n\u2028\u2029\x85]*)(\r\n|[\r\n\u2028\u2029\x85]|$)")


class InputError(Exception):
    """The input folder as a whole is unusable (missing, empty, not a folder)."""


def discover(input_dir: Path) -> list[tuple[Path, str]]:
    """Raw files under ``input_dir``: recursive, hidden files and folders skipped,
    only ``EXTENSIONS``, in a deterministic order (by relative path).

    Returns (path, relative path with ``/``) pairs.
    """
    if not input_dir.exists():
        raise InputError(f"input folder {input_dir} does not exist")
    if not input_dir.is_dir():
        raise InputError(f"input {input_dir} is not a folder")
    found = []
    for root, dirs, files in os.walk(input_dir, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.startswith(".") or not name.lower().endswith(EXTENSIONS):
                continue
            path = Path(root) / name
            found.append((path, path.relative_to(input_dir).as_posix()))
    if not found:
        raise InputError(f"input folder {input_dir} holds no raw text files ({', '.join(EXTENSIONS)})")
    return sorted(found, key=lambda pair: pair[1])


def document_id(relative_path: str) -> str:
    """A file's id from its own path only: the relative path without its extension, ``/``
    written as ``__``. A file at the top of the input folder gets its stem. Adding,
    removing or renaming *other* files never changes it.

    >>> document_id("003_a65279c85b322aac.txt"), document_id("2024/site/x.txt")
    ('003_a65279c85b322aac', '2024__site__x')
    """
    return str(Path(relative_path).with_suffix("")).replace("/", "__")


def document_ids(relative_paths: list[str]) -> list[str]:
    """``document_id`` of each path. Where several paths give the same id (``x.txt``
    beside ``x.md``), the first in ``EXTENSIONS`` order keeps it and the others keep
    their extension too; a ``~n`` suffix settles anything still equal.

    >>> document_ids(["x.md", "x.txt", "a/x.txt", "a__x.txt"])
    ['x.md', 'x', 'a__x', 'a__x.txt']
    """
    ids = [document_id(p) for p in relative_paths]
    groups: dict[str, list[int]] = {}
    for i, doc_id in enumerate(ids):
        groups.setdefault(doc_id, []).append(i)
    for members in groups.values():
        if len(members) > 1:
            members.sort(key=lambda i: (_extension_rank(relative_paths[i]), relative_paths[i]))
            for i in members[1:]:
                ids[i] = relative_paths[i].replace("/", "__")
    seen: set[str] = set()
    for i, doc_id in enumerate(ids):
        n, unique = 1, doc_id
        while unique in seen:
            n += 1
            unique = f"{doc_id}~{n}"
        ids[i] = unique
        seen.add(unique)
    return ids


def _extension_rank(relative_path: str) -> int:
    suffix = Path(relative_path).suffix.lower()
    return EXTENSIONS.index(suffix) if suffix in EXTENSIONS else len(EXTENSIONS)


def _refusal(path: Path, root: Path, max_bytes: int) -> tuple[str | None, int]:
    """Why a file will not be read (a link leading outside ``root``, too large), or None;
    and its size. Raises OSError when it cannot even be looked at."""
    if path.is_symlink() and not path.resolve().is_relative_to(root):
        return "it is a symbolic link that leads outside the input folder", 0
    size = path.stat().st_size
    if size > max_bytes:
        return f"it is {size} bytes, larger than the limit of {max_bytes} bytes", size
    return None, size


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fingerprint(path: Path, root: Path, max_bytes: int) -> str:
    """What ``read_document`` will see in a file, cheaply: its sha256, or why it will not
    be read. The cache keys on it."""
    try:
        reason, size = _refusal(path, root, max_bytes)
        return f"refused:{size}:{reason}" if reason else sha256_file(path)
    except OSError as exc:
        return f"unreadable:{exc.errno}"


def read_document(path: Path, rel: str, doc_id: str, root: Path, max_bytes: int) -> Document:
    doc = Document(document_id=doc_id, source_file=rel, sha256=None, size=0)
    try:
        reason, doc.size = _refusal(path, root, max_bytes)
        if reason:
            return doc.reject(reason)
        data = path.read_bytes()
    except OSError as exc:
        return doc.reject(f"it cannot be read ({exc.strerror or exc})")
    doc.sha256 = hashlib.sha256(data).hexdigest()
    try:
        doc.raw_text, doc.encoding = decode(data)
    except ValueError as exc:
        return doc.reject(str(exc))
    if not doc.raw_text.strip():
        return doc.reject("it holds no text (empty or only whitespace)")
    doc.lines = split_lines(doc.raw_text)
    return doc


def decode(data: bytes) -> tuple[str, str]:
    """Decode raw bytes once: BOM first, then strict UTF-8, then GB18030 or Big5,
    whichever reads as more ordinary Chinese. Raises ValueError with the reason.

    >>> decode("党建".encode("gb18030"))
    ('党建', 'gb18030')
    """
    if not data.strip():
        raise ValueError("it holds no text (empty or only whitespace)")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec.replace("-sig", "") + " (BOM)"
            except UnicodeDecodeError as exc:
                raise ValueError(f"it starts with a {codec} byte-order mark but is not valid {codec}") from exc
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data:
        raise ValueError("it is a binary file (NUL bytes or an image/archive signature), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for codec in ("gb18030", "big5"):
        try:
            candidates.append((_ordinariness(data.decode(codec)), codec))
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise ValueError("its bytes are not valid UTF-8, UTF-16, GB18030 or Big5")
    _, codec = max(candidates)
    return data.decode(codec), codec


def _ordinariness(text: str) -> float:
    """Share of Han characters that are among the common ones (higher is likelier)."""
    from .mojibake import is_common_han

    han = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    return sum(map(is_common_han, han)) / len(han) if han else 0.0


def split_lines(text: str) -> list[Line]:
    """Split decoded text into non-blank physical lines with their offsets; CRLF, CR and
    LF all end a line. Blank lines are not kept, but counted in ``blank_before``.

    >>> [(l.text, l.start, l.blank_before) for l in split_lines("a\\r\\n\\r\\nb")]
    [('a', 0, 0), ('b', 5, 1)]
    """
    lines: list[Line] = []
    blanks = 0
    number = 0
    for match in _LINE.finditer(text):
        body = match.group(1)
        if not match.group(0):
            break
        number += 1
        if not body.strip():
            blanks += 1
            continue
        lines.append(Line(match.start(1), match.end(1), body, number=number, blank_before=blanks))
        blanks = 0
    return lines
