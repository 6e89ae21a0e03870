"""Stage 1, read: find the raw files, decode their bytes once, split them into lines.

A file that cannot be used becomes a *rejected* ``Document`` with a one-sentence reason;
the build goes on without it.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from .gate import RULES, not_chinese_prose, word_pair_share
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
_WIDE = (("utf-16-le", 2), ("utf-16-be", 2), ("utf-32-le", 4), ("utf-32-be", 4))  # without a BOM
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


_FILE_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def printable(name: str) -> str:
    r"""A path as it may be shown on a terminal or stored in a column: bytes that are not
    UTF-8 (``os`` keeps them as surrogates) as ``\xNN``, control characters as
    ``\xNN``/``\uNNNN`` escapes, so that no name can move the cursor or clear a screen.

    >>> printable("a\x1b[2Jb.txt"), printable(os.fsdecode(b"bad\xff.txt"))
    ('a\\x1b[2Jb.txt', 'bad\\xff.txt')
    """
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(ch.encode("unicode_escape").decode("ascii") if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch
                   for ch in text)


def name_problem(relative_path: str) -> str | None:
    r"""Why a file's name is refused: bytes that are not UTF-8, or control characters
    (line breaks, ESC …) that would corrupt logs and terminals. Such a file becomes a
    rejected row whose ``source_file`` and id are the ``printable`` form of its path.

    >>> name_problem("a/b.txt"), name_problem(os.fsdecode(b"\xff.txt"))[:30]
    (None, 'its file name is not valid UTF')
    """
    if any("\udc80" <= ch <= "\udcff" for ch in relative_path):
        return "its file name is not valid UTF-8 (shown with \\x escapes)"
    if any(unicodedata.category(ch) in ("Cc", "Zl", "Zp") for ch in relative_path):
        return "its file name holds control characters (shown with \\x escapes)"
    return None


def _refusal(path: Path, root: Path, max_bytes: int) -> tuple[str | None, int]:
    """Why a file will not be read, or None; and its size. Only regular files are read: a
    FIFO, socket or device is never opened (it could block or never end), a symbolic link
    must stay inside ``root`` and end somewhere. Raises OSError when the file cannot even
    be looked at."""
    if path.is_symlink() and not Path(os.path.realpath(path)).is_relative_to(root):
        return "it is a symbolic link that leads outside the input folder", 0
    try:
        info = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "it is a symbolic link loop", 0
        raise
    for test, kind in _FILE_KINDS:
        if test(info.st_mode):
            return f"it is {kind}, not a regular file", 0
    if info.st_size > max_bytes:
        return f"it is {info.st_size} bytes, larger than the limit of {max_bytes} bytes", info.st_size
    return None, info.st_size


def _blocks(path: Path, limit: int) -> Iterator[bytes]:
    """The bytes of a regular file, at most ``limit`` + 1 of them. Opened without blocking
    and checked again once open, so a file swapped for a FIFO or device after
    ``_refusal`` looked at it cannot hang or flood the build."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        left = limit + 1
        while left > 0 and (block := fh.read(min(left, 1 << 20))):
            left -= len(block)
            yield block


def sha256_file(path: Path, limit: int = 1 << 62) -> str:
    h = hashlib.sha256()
    for block in _blocks(path, limit):
        h.update(block)
    return h.hexdigest()


def fingerprint(path: Path, root: Path, max_bytes: int) -> str:
    """What ``read_document`` will see in a file, cheaply: its sha256, or why it will not
    be read. The cache keys on it."""
    try:
        reason, size = _refusal(path, root, max_bytes)
        return f"refused:{size}:{reason}" if reason else sha256_file(path, max_bytes)
    except OSError as exc:
        return f"unreadable:{exc.errno}"


def read_document(path: Path, rel: str, doc_id: str, root: Path, max_bytes: int) -> Document:
    doc = Document(document_id=doc_id, source_file=rel, sha256=None, size=0)
    try:
        reason, doc.size = _refusal(path, root, max_bytes)
        if reason:
            return doc.reject(reason)
        data = b"".join(_blocks(path, max_bytes))
    except OSError as exc:
        return doc.reject(f"it cannot be read ({exc.strerror or exc})")
    if len(data) > max_bytes:  # it grew after it was looked at
        return doc.reject(f"it is more than {max_bytes} bytes, larger than the limit")
    doc.sha256 = hashlib.sha256(data).hexdigest()
    try:
        doc.raw_text, doc.encoding = decode(data)
    except ValueError as exc:
        return doc.reject(str(exc))
    if not doc.raw_text.strip():
        return doc.reject("it holds no text (empty or only whitespace)")
    not_prose = not_chinese_prose(doc.raw_text)
    if not_prose:
        return doc.reject(not_prose)
    doc.lines = split_lines(doc.raw_text)
    return doc


def decode(data: bytes) -> tuple[str, str]:
    r"""Decode raw bytes once: a BOM first, then strict UTF-8, then whichever of GB18030
    and Big5 reads most like Chinese (the share of adjacent Han pairs that are words); bytes
    with NULs are text only as UTF-16/UTF-32 without a BOM, when one of those reads as
    Chinese. Raises ValueError with the reason.

    >>> decode("党建".encode("gb18030")), decode("医院党支部开展义诊。\n".encode("utf-16-le"))
    (('党建', 'gb18030'), ('医院党支部开展义诊。\n', 'utf-16-le (no BOM)'))
    """
    if not data.strip():
        raise ValueError("it holds no text (empty or only whitespace)")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec.replace("-sig", "") + " (BOM)"
            except UnicodeDecodeError as exc:
                raise ValueError(f"it starts with a {codec} byte-order mark but is not valid {codec}") from exc
    if data.startswith(_BINARY_MAGIC):
        raise ValueError("it is a binary file (an image/archive signature), not text")
    # UTF-16/32 text holds NUL bytes (any newline, space or digit has one): only then try them
    wide = [c for c, width in _WIDE if len(data) % width == 0] if b"\x00" in data else []
    if b"\x00" not in data:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
        narrow = ["gb18030", "big5"]
    else:
        narrow = []
    candidates = []
    for codec in narrow + wide:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((word_pair_share(text), _ordinariness(text), codec, text))
    if not candidates or (b"\x00" in data and max(candidates)[0] < RULES.min_word_pair_share):
        if b"\x00" in data:
            raise ValueError("it is a binary file (NUL bytes, and not UTF-16 or UTF-32 text), not text")
        raise ValueError("its bytes are not valid UTF-8, UTF-16, GB18030 or Big5")
    _, _, codec, text = max(candidates)
    return text, codec + (" (no BOM)" if codec in dict(_WIDE) else "")


def _ordinariness(text: str) -> float:
    """Share of Han characters that are among the common ones (the tie-breaker)."""
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
