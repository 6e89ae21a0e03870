"""Never destroy what the build did not make; never hang or crash on one odd file; a
failed build keeps the previous dataset. Each case runs in temporary folders holding
dummy user files and checks the exit code, the one-line message, that the previous
dataset is byte-identical, that the user's files are intact and that nothing is left
behind."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import psutil
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from conftest import RAW, ROOT

from hospital_party_news import cache as cache_module
from hospital_party_news import cli
from hospital_party_news.cache import TAG
from hospital_party_news.enrich.keywords import MAX_KEYWORD_CHARS, keywords
from hospital_party_news.gate import RULES, not_chinese_prose
from hospital_party_news.places import default_cache, lock_path
from hospital_party_news.read import decode
from hospital_party_news.validate import MAX_ARTICLE_CHARS

SMALL = sorted(RAW.glob("00[34]*.txt"))  # two source texts: 8 articles
DOCS = "data/documents/train-00000-of-00001.parquet"


def tree(root: Path, with_state: bool = True) -> dict[str, object]:
    """Everything under ``root`` and (``with_state``) in the tool's state folder (caches,
    locks): file bytes, folders, link targets (what 'intact' means)."""
    out: dict[str, object] = {}
    state = default_cache(root).parents[1]
    for path in [*sorted(root.rglob("*")), *(sorted(state.rglob("*")) if with_state else [])]:
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else f"STATE/{path.relative_to(state).as_posix()}"
        if path.is_symlink():
            out[rel] = ("link", os.readlink(path))
        elif path.is_dir():
            out[rel] = "dir"
        elif path.is_file():
            out[rel] = path.read_bytes()
    return out


def build(*args: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """``python build_dataset.py ARGS`` in this process (one worker), with its stderr."""
    capsys.readouterr()
    code = cli.build_main(["--workers", "1", *args])
    return code, capsys.readouterr().err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A user's folder: an input of two source texts, a built dataset ``ds`` (with its
    cache beside it) and the user's own files next to them."""
    (tmp_path / "in").mkdir()
    for src in SMALL:
        shutil.copy(src, tmp_path / "in" / src.name)
    (tmp_path / "thesis").mkdir()
    (tmp_path / "thesis" / "thesis.docx").write_bytes(b"chapter one")
    (tmp_path / "thesis" / "taxes").mkdir()
    (tmp_path / "thesis" / "taxes" / "2024.pdf").write_bytes(b"%PDF-1.7 taxes")
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "cat.jpg").write_bytes(b"\xff\xd8\xff cat")
    assert cli.build_main(["--workers", "1", "--quiet", "--input", str(tmp_path / "in"), "--output", str(tmp_path / "ds")]) == 0
    return tmp_path


# ---------------------------------------------------------------- ownership of --output


@pytest.mark.parametrize("victim", ["thesis", "thesis/taxes", "photos"])
def test_an_output_that_is_not_a_dataset_is_refused(home: Path, victim: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = tree(home)
    code, err = build("--input", str(home / "in"), "--output", str(home / victim), capsys=capsys)
    assert code == 2
    assert "not a dataset built by this tool" in one_line(err)
    assert tree(home) == before


def test_a_dataset_with_a_users_file_inside_is_refused(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (home / "ds" / "notes.txt").write_text("my notes", "utf-8")
    before = tree(home)
    code, err = build("--input", str(home / "in"), "--output", str(home / "ds"), capsys=capsys)
    assert code == 2 and "did not make (first: notes.txt)" in one_line(err)
    assert tree(home) == before


def test_absent_empty_and_own_outputs_are_written(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (home / "empty").mkdir()
    for target in ("empty", "new/deeper/ds", "ds"):
        code, err = build("--input", str(home / "in"), "--output", str(home / target), "--no-cache", capsys=capsys)
        assert code == 0, err
        assert (home / target / "manifest.json").is_file()


def test_a_symlinked_output_is_written_at_its_target(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (home / "real").mkdir()
    shutil.move(home / "ds", home / "real" / "out")
    (home / "link").symlink_to(home / "real" / "out")
    stale = (home / "real" / "out").stat().st_ino
    code, err = build("--input", str(home / "in"), "--output", str(home / "link"), "--no-cache", capsys=capsys)
    assert code == 0, err
    assert (home / "link").is_symlink() and os.readlink(home / "link") == str(home / "real" / "out")
    assert (home / "real" / "out").stat().st_ino != stale  # a new folder, put where the link points
    assert sorted(p.name for p in home.glob(".link*")) == []
    assert sorted(p.name for p in (home / "real").iterdir()) == ["out"]  # nothing beside the dataset
    assert lock_path(home / "real" / "out").is_file() and lock_path(home / "link") == lock_path(home / "real" / "out")


# ---------------------------------------------------------------- ownership of --cache


@pytest.mark.parametrize(("cache", "output", "message"), [
    ("photos", "ds", "has no CACHEDIR.TAG"),  # a user's folder
    ("in", "ds", "is, holds or lies inside the input folder"),
    ("in/sub", "ds", "is, holds or lies inside the input folder"),
    (".", "ds", "is, holds or lies inside the input folder"),
    ("thesis", "thesis/ds", "is, holds or lies inside the output folder"),  # the output's parent
    ("ds", "ds", "is, holds or lies inside the output folder"),
    ("ds/data", "ds", "is, holds or lies inside the output folder"),
    ("thesis/thesis.docx", "ds", "is not a folder"),
])
def test_an_unusable_cache_is_refused(home: Path, cache: str, output: str, message: str,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    before = tree(home)
    code, err = build("--input", str(home / "in"), "--output", str(home / output), "--cache", str(home / cache), capsys=capsys)
    assert code == 2 and message in one_line(err)
    assert tree(home) == before


def test_only_the_caches_own_entries_are_ever_deleted(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cache = default_cache(home / "ds")
    assert (cache / TAG).is_file()
    (cache / "holiday").mkdir()
    (cache / "holiday" / "beach.jpg").write_bytes(b"sand")
    (cache / "readme.txt").write_text("mine", "utf-8")
    (home / "in" / SMALL[0].name).unlink()  # the next build uses fewer entries and drops the others
    code, err = build("--input", str(home / "in"), "--output", str(home / "ds"), capsys=capsys)
    assert code == 0, err
    assert (cache / "holiday" / "beach.jpg").read_bytes() == b"sand" and (cache / "readme.txt").is_file()


def test_cache_and_no_cache_together_is_an_error(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        build("--input", str(home / "in"), "--cache", str(home / "c"), "--no-cache", capsys=capsys)
    assert exit_.value.code == 2 and "not allowed with argument" in one_line(capsys.readouterr().err)


# ---------------------------------------------------------------- odd files


def _odd_input(tmp_path: Path) -> Path:
    inp = tmp_path / "in"
    inp.mkdir()
    for src in SMALL:
        shutil.copy(src, inp / src.name)
    return inp


def _rejections(out: Path) -> dict[str, str]:
    rows = pq.read_table(out / DOCS, columns=["source_file", "status", "error"]).to_pylist()
    return {r["source_file"]: r["error"] for r in rows if r["status"] == "rejected"}


def _subprocess_build(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build_dataset.py"), "--workers", "1", *args],
                          capture_output=True, text=True, timeout=timeout)


def test_a_fifo_is_rejected_unopened(tmp_path: Path) -> None:
    inp = _odd_input(tmp_path)
    os.mkfifo(inp / "x.txt")  # opening it for reading would wait for a writer forever
    result = _subprocess_build("--input", str(inp), "--output", str(tmp_path / "out"))  # timeout = the hang
    assert result.returncode == 0, result.stderr
    assert _rejections(tmp_path / "out") == {"x.txt": "it is a FIFO (named pipe), not a regular file"}


def test_a_device_is_rejected_unread(tmp_path: Path) -> None:
    inp = _odd_input(tmp_path)
    try:
        os.mknod(inp / "zero.txt", stat.S_IFCHR | 0o600, os.makedev(1, 5))  # /dev/zero: never ends
    except PermissionError:
        pytest.skip("mknod needs CAP_MKNOD")
    for extra in ([], ["--no-cache"]):
        result = _subprocess_build("--input", str(inp), "--output", str(tmp_path / "out"), *extra)
        assert result.returncode == 0, result.stderr
        assert _rejections(tmp_path / "out") == {"zero.txt": "it is a character device, not a regular file"}


def test_symlink_loops_and_odd_names_are_rejected_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inp = _odd_input(tmp_path)
    (inp / "a.txt").symlink_to(inp / "b.txt")
    (inp / "b.txt").symlink_to(inp / "a.txt")
    bad = os.fsencode(inp) + b"/bad\xff\xfe.txt"
    with open(bad, "wb") as fh:
        fh.write(SMALL[0].read_bytes())
    (inp / "clear\x1b[2J.txt").write_bytes(SMALL[0].read_bytes())
    code, err = build("--input", str(inp), "--output", str(tmp_path / "out"), capsys=capsys)
    assert code == 0, err
    assert _rejections(tmp_path / "out") == {
        "a.txt": "it is a symbolic link loop",
        "b.txt": "it is a symbolic link loop",
        "bad\\xff\\xfe.txt": "its file name is not valid UTF-8 (shown with \\x escapes)",
        "clear\\x1b[2J.txt": "its file name holds control characters (shown with \\x escapes)",
    }
    assert "\x1b" not in err and "rejected clear\\x1b[2J.txt" in err
    ids = pq.read_table(tmp_path / "out" / DOCS, columns=["document_id"]).column(0).to_pylist()
    assert "bad\\xff\\xfe" in ids  # the id is made from the escaped name, like any other


# ---------------------------------------------------------------- a failed build changes nothing


def test_strict_decides_before_the_swap(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (home / "in" / "empty.txt").write_bytes(b"")
    before = tree(home)
    code, err = build("--input", str(home / "in"), "--output", str(home / "ds"), "--strict", capsys=capsys)
    assert code == 1
    assert err.strip().splitlines()[-1] == "error: 1 of 3 files rejected with --strict; the previous dataset is kept"
    assert tree(home) == before


def test_a_build_without_any_article_keeps_the_previous_dataset(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (home / "junk").mkdir()
    (home / "junk" / "menu.txt").write_text("首页 > 新闻中心\n分享到:\n", "utf-8")
    before = tree(home)
    code, err = build("--input", str(home / "junk"), "--output", str(home / "ds"), capsys=capsys)
    assert code == 1 and "no article was found in any of the 1 files; the previous dataset is kept" in err
    assert tree(home) == before


@pytest.mark.parametrize("flag", [["--max-bytes", "-5"], ["--max-bytes", "0"], ["--workers", "0"]])
def test_numeric_flags_must_be_positive(home: Path, flag: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    before = tree(home)
    with pytest.raises(SystemExit) as exit_:
        build("--input", str(home / "in"), "--output", str(home / "ds"), *flag, capsys=capsys)
    assert exit_.value.code == 2 and "must be at least 1" in one_line(capsys.readouterr().err)
    assert tree(home) == before


# ---------------------------------------------------------------- faults are one line


def _fail_on_parquet(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    def full(self: object, *args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code), "/somewhere/data/articles/train-00000-of-00001.parquet")

    monkeypatch.setattr(pq.ParquetWriter, "write_table", full)


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES])
def test_a_system_error_is_one_line_and_leaves_nothing(home: Path, code: int, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    (home / "in" / "more.txt").write_bytes(RAW.glob("000*.txt").__next__().read_bytes())  # a batch not yet cached
    before = tree(home)
    _fail_on_parquet(monkeypatch, code)
    result, err = build("--input", str(home / "in"), "--output", str(home / "ds"), capsys=capsys)
    assert result == 1
    assert one_line(err) == f"error: /somewhere/data/articles/train-00000-of-00001.parquet: {os.strerror(code)}; nothing was changed"
    assert tree(home) == before  # no staging folder, no new cache entry, the previous dataset as it was
    monkeypatch.undo()
    assert build("--input", str(home / "in"), "--output", str(home / "ds"), "--no-cache", capsys=capsys)[0] == 0


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Path:
    """A real file system (tmpfs) with room for two copies of the small build (a rebuild
    stages the new copy beside the old one) and 100 kB more, for a real ENOSPC. Sized from
    a probe build, since the bytes depend on the library versions (pyarrow 15 writes
    about 7 % more than pyarrow 26)."""
    probe = tmp_path / "probe"
    assert cli.build_main(["--workers", "1", "--quiet", "--no-cache", "--input", str(_odd_input(tmp_path)), "--output", str(probe)]) == 0
    room = 2 * sum(p.stat().st_size + 4096 for p in probe.rglob("*")) + 100_000
    mount = tmp_path / "disk"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={room}", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_for_real(tiny_disk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inp = tmp_path / "in"
    assert build("--input", str(inp), "--output", str(tiny_disk / "ds"), capsys=capsys)[0] == 0
    before = tree(tiny_disk)
    for i in range(240):  # enough distinct text that the new build cannot fit beside the old one
        (inp / f"copy{i:03d}.txt").write_text(SMALL[1].read_text("utf-8") + f"\n第{i}次。", "utf-8")
    code, err = build("--input", str(inp), "--output", str(tiny_disk / "ds"), capsys=capsys)
    assert code == 1 and one_line(err).endswith("No space left on device; nothing was changed")
    assert tree(tiny_disk) == before
    for extra in ([], ["--no-cache"]):  # nothing left behind trips a smaller build
        shutil.rmtree(inp)
        _odd_input(tmp_path)
        assert build("--input", str(inp), "--output", str(tiny_disk / "ds"), *extra, capsys=capsys)[0] == 0


def test_a_read_only_output_for_real(tiny_disk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inp = tmp_path / "in"
    assert build("--input", str(inp), "--output", str(tiny_disk / "ds"), "--no-cache", capsys=capsys)[0] == 0
    before = tree(tiny_disk)
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)
    code, err = build("--input", str(inp), "--output", str(tiny_disk / "ds"), "--no-cache", capsys=capsys)
    assert code == 1 and one_line(err).endswith("Read-only file system; nothing was changed")
    assert tree(tiny_disk) == before


def _many_files(tmp_path: Path, copies: int = 40) -> Path:
    inp = tmp_path / "many"
    inp.mkdir()
    for i in range(copies):
        for src in sorted(RAW.glob("*.txt")):
            shutil.copy(src, inp / f"{i:03d}_{src.name}")
    return inp


@pytest.mark.parametrize(("sig", "code", "word"), [(signal.SIGINT, 130, "interrupted"), (signal.SIGTERM, 143, "terminated")])
def test_ctrl_c_and_sigterm(home: Path, sig: int, code: int, word: str) -> None:
    inp = _many_files(home)
    before = tree(home)
    # its own process group, as a terminal gives it: Ctrl-C reaches the workers too
    proc = subprocess.Popen([sys.executable, str(ROOT / "build_dataset.py"), "--workers", "2", "--input", str(inp),
                             "--output", str(home / "ds")], stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline, cached = time.monotonic() + 120, len(_entries(default_cache(home / "ds")))
    while len(_entries(default_cache(home / "ds"))) == cached and time.monotonic() < deadline:  # a worker has stored a batch
        time.sleep(0.01)
    children = psutil.Process(proc.pid).children(recursive=True)
    assert children, "the build has no workers to stop"
    os.killpg(proc.pid, sig) if sig == signal.SIGINT else proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code
    assert err.strip().splitlines() == [f"{word}: nothing was changed"]
    assert tree(home) == before | {k: v for k, v in tree(home).items() if k.startswith("many/")}
    psutil.wait_procs(children, timeout=10)
    assert not [c for c in children if c.is_running() and c.status() != psutil.STATUS_ZOMBIE]


# ---------------------------------------------------------------- a cache you can trust


def _entries(cache: Path) -> list[Path]:
    return sorted(p for p in cache.iterdir() if len(p.name) == 64)


def _reference(home: Path) -> dict[str, object]:
    """All five source texts (two batches) built with the cache into ``ds``, and the
    dataset a build without any cache makes of them."""
    for src in RAW.glob("*.txt"):
        shutil.copy(src, home / "in" / src.name)
    assert cli.build_main(["--workers", "1", "--quiet", "--input", str(home / "in"), "--output", str(home / "ds")]) == 0
    assert cli.build_main(["--workers", "1", "--quiet", "--no-cache", "--input", str(home / "in"), "--output", str(home / "ref")]) == 0
    return {k: v for k, v in tree(home / "ref", with_state=False).items() if k != "manifest.json"}


def _same_data(home: Path, reference: dict[str, object]) -> bool:
    return {k: v for k, v in tree(home / "ds", with_state=False).items() if k != "manifest.json"} == reference


def test_a_changed_byte_in_a_cache_entry_is_caught(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reference = _reference(home)
    arrow = _entries(default_cache(home / "ds"))[0] / "articles.arrow"
    table = cache_module._read_ipc(arrow)
    texts = table.column("text").to_pylist()
    texts[0] = texts[0].replace("党", "觉", 1)  # one character, still a valid Arrow file
    with pa.OSFile(str(arrow), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
        column = table.schema.get_field_index("text")
        writer.write_table(table.set_column(column, table.schema.field(column), pa.array(texts, pa.string())))
    code, err = build("--input", str(home / "in"), "--output", str(home / "ds"), capsys=capsys)
    assert code == 0 and "articles.arrow does not match its checksum); processing its batch again" in err
    assert _same_data(home, reference)


def test_swapped_cache_entries_are_caught(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reference = _reference(home)
    first, second = _entries(default_cache(home / "ds"))[:2]
    first.rename(home / "x")
    second.rename(first)
    (home / "x").rename(second)
    code, err = build("--input", str(home / "in"), "--output", str(home / "ds"), capsys=capsys)
    assert code == 0 and err.count("holds another batch); processing its batch again") == 2
    assert _same_data(home, reference)


def test_a_forged_entry_that_clashes_rebuilds_without_the_cache(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An entry whose key, sources and checksums all look right but whose rows are
    another batch's: only the cross-batch uniqueness check can see it."""
    reference = _reference(home)
    first, second = _entries(default_cache(home / "ds"))[:2]
    meta = json.loads((first / "meta.json").read_text("utf-8"))
    for name in ("articles.arrow", "sections.arrow"):
        shutil.copy(second / name, first / name)
        meta["sha256"][name] = cache_module.sha256_file(first / name)
    (first / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
    code, err = build("--input", str(home / "in"), "--output", str(home / "ds"), capsys=capsys)
    assert code == 0, err
    assert "unique failed" in err and "building again without the cache" in err
    assert _same_data(home, reference)
    assert sorted(p.name for p in default_cache(home / "ds").iterdir() if not p.is_dir()) == ["CACHEDIR.TAG"]  # nothing marked


def test_the_key_covers_the_builders_own_code(tmp_path: Path) -> None:
    cache_module.builder_digest.cache_clear()
    copy = tmp_path / "pkg"
    shutil.copytree(cache_module.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    same = cache_module.builder_digest(copy)
    assert same == cache_module.builder_digest(cache_module.PACKAGE)
    (copy / "clean.py").write_text((copy / "clean.py").read_text("utf-8") + "\n# an edit\n", "utf-8")
    cache_module.builder_digest.cache_clear()
    code_edited = cache_module.builder_digest(copy)
    assert code_edited != same
    (copy / "data" / "campaigns.tsv").write_bytes((copy / "data" / "campaigns.tsv").read_bytes() + b"\n")
    cache_module.builder_digest.cache_clear()
    assert cache_module.builder_digest(copy) != code_edited


def test_an_edited_builder_does_not_read_the_old_entries(home: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(cache_module, "builder_digest", lambda package=None: "another version of the code")
    code, err = build("--input", str(home / "in"), "--output", str(home / "ds"), capsys=capsys)
    assert code == 0 and "from the cache" not in err


# ---------------------------------------------------------------- content gate


SOURCE = SMALL[1].read_text("utf-8")


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("japanese.txt", ("東京都の病院では、看護師たちが地域の住民のために無料の健康相談会を開きました。" * 20).encode("shift_jis"),
     "it does not read as Chinese"),
    ("korean.txt", ("서울의 병원에서 간호사들이 지역 주민을 위해 무료 건강 상담회를 열었습니다." * 20).encode("euc_kr"),
     "it does not read as Chinese"),
    ("page.txt", ("<!DOCTYPE html>\n<html><head><style>body{color:red}</style><script>var a=1;</script></head>\n<body>"
                  + SOURCE + "</body></html>").encode(), "it is an HTML page"),
    ("letters.txt", b"a\n" * 1_000_000, "it is not Chinese prose"),
    ("line.txt", ("医院党委开展主题党日活动。" * 20_000).encode(), "it yields an article of 260000 characters"),
])
def test_junk_is_rejected_with_a_reason(tmp_path: Path, name: str, content: bytes, reason: str,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    inp = _odd_input(tmp_path)
    (inp / name).write_bytes(content)
    code, err = build("--input", str(inp), "--output", str(tmp_path / "out"), capsys=capsys)
    assert code == 0, err
    assert _rejections(tmp_path / "out")[name].startswith(reason)


def test_an_article_over_the_size_limit_is_rejected(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    inp = _odd_input(tmp_path)
    paragraph = "医院第{}党支部组织党员开展学习活动,党员们认真学习了党章和党的二十大报告,并结合本职工作进行了深入讨论。"
    fits = [paragraph.format(i) for i in range(MAX_ARTICLE_CHARS // (len(paragraph) + 3) - 5)]
    too_long = [paragraph.format(i) for i in range(MAX_ARTICLE_CHARS // len(paragraph) + 5)]
    assert len("\n".join(fits)) < MAX_ARTICLE_CHARS < len("\n".join(too_long))
    (inp / "long.txt").write_text("医院党委开展主题党日活动\n\n" + "\n\n".join(too_long), "utf-8")
    (inp / "fits.txt").write_text("医院党委开展主题党日活动\n\n" + "\n\n".join(fits), "utf-8")
    code, err = build("--input", str(inp), "--output", str(tmp_path / "out"), capsys=capsys)
    assert code == 0, err
    rejected = _rejections(tmp_path / "out")
    assert set(rejected) == {"long.txt"} and f"over the limit of {MAX_ARTICLE_CHARS}" in rejected["long.txt"]


def test_keywords_have_a_bounded_length() -> None:
    long_word = "a" * (MAX_KEYWORD_CHARS + 1)
    assert all(len(k) <= MAX_KEYWORD_CHARS for k in keywords(f"{long_word} {long_word} 医院党支部开展义诊活动"))
    assert "b" * MAX_KEYWORD_CHARS in keywords(f"{'b' * MAX_KEYWORD_CHARS} 医院党支部开展义诊活动")


def _with_han_share(share: float) -> str:
    """Real prose padded with Latin letters to a given Han share among letters."""
    han = sum(1 for ch in SOURCE if "\u4e00" <= ch <= "\u9fff")
    letters = sum(1 for ch in SOURCE if ch.isalpha())
    return SOURCE + " x" * max(0, round(han / share) - letters)


def test_every_gate_threshold_is_pinned() -> None:
    assert RULES.min_han_share == 0.30
    assert not_chinese_prose(_with_han_share(0.32)) is None
    assert not_chinese_prose(_with_han_share(0.28)).startswith("it is not Chinese prose (only 28%")
    kana = "の" * int(len(SOURCE) * 0.04)
    assert not_chinese_prose(SOURCE + kana) is None
    assert "kana or Korean Hangul" in not_chinese_prose(SOURCE + kana * 2)
    garbled = "搶嫗搒偺昦堾偱偼丄娕"  # 10 Han characters: 9 pairs, none a word
    assert RULES.min_pairs_to_judge == 10
    assert not_chinese_prose(garbled) is None  # too short to judge: left to segmentation
    assert not_chinese_prose(garbled + "岇").startswith("it does not read as Chinese (only 0%")
    assert RULES.min_word_pair_share == 0.20


def test_the_word_pair_threshold_is_pinned() -> None:
    """Real prose diluted with Han characters in random order, just above and below 20 %."""
    from hospital_party_news.gate import word_pair_share

    noise = "搶嫗搒偺昦堾偱偼" * 400
    for keep, verdict in ((900, None), (500, "it does not read as Chinese")):
        text = SOURCE[:keep] + noise[: 3 * keep]
        share = word_pair_share(text)
        result = not_chinese_prose(text)
        assert (result is None) == (share >= 0.20)
        assert (result or "").startswith(verdict or ""), (share, result)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_wide_encodings_without_a_bom(codec: str) -> None:
    text, found = decode(SOURCE.encode(codec))
    assert text == SOURCE and found == f"{codec} (no BOM)"
    with pytest.raises(ValueError, match="binary"):
        decode(b"\x00\x01\x02\x03" * 100)


# ---------------------------------------------------------------- publish


def test_publish_errors_are_one_line(home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from hospital_party_news import publish

    class HTTPFailure(Exception):
        """Shaped like huggingface_hub's HfHubHTTPError (whose module moved between versions)."""

        response = SimpleNamespace(status_code=403)

    class Refusing:
        def create_repo(self, *args: object, **kwargs: object) -> None:
            raise HTTPFailure("403 Forbidden: you cannot write to this namespace\nmore lines\nof detail")

    monkeypatch.setattr(publish, "hub_client", lambda: Refusing())
    capsys.readouterr()
    assert cli.main(["publish", str(home / "ds"), "--repo-id", "org/name"]) == 1
    err = capsys.readouterr().err
    assert one_line(err) == "error: https://huggingface.co answered HTTP 403: 403 Forbidden: you cannot write to this namespace"


def test_publish_names_the_endpoint_and_fails_in_one_line_when_unreachable(home: Path) -> None:
    env = {**os.environ, "HF_ENDPOINT": "http://127.0.0.1:9", "HF_TOKEN": "hf_dummy", "HF_HUB_DISABLE_TELEMETRY": "1"}
    dry = subprocess.run([sys.executable, "-m", "hospital_party_news.cli", "publish", str(home / "ds"), "--repo-id", "org/name",
                          "--dry-run"], capture_output=True, text=True, env=env, timeout=120)
    assert dry.returncode == 0 and "→ http://127.0.0.1:9/datasets/org/name" in dry.stdout
    real = subprocess.run([sys.executable, "-m", "hospital_party_news.cli", "publish", str(home / "ds"), "--repo-id", "org/name"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert real.returncode == 1
    assert one_line(real.stderr).startswith("error: cannot reach http://127.0.0.1:9 (")


def test_a_chinese_text_beside_its_translation_needs_enough_han() -> None:
    """``min_han_chars_beside_foreign``: 150 Han characters on their own lines pass beside
    a long English translation, 149 do not."""
    assert RULES.min_han_chars_beside_foreign == 150
    english = "\n" + "The Party branch of the hospital held a Party day in the village. " * 60
    chinese = "医院党支部开展了义诊" * 15  # 150 Han characters
    assert len(chinese) == 150
    assert not_chinese_prose(chinese + english) is None
    assert not_chinese_prose(chinese[:-1] + english).startswith("it is not Chinese prose")


def test_a_parquet_write_that_fails_in_its_thread_fails_the_build(tmp_path: Path) -> None:
    """Each batch's tables are written in background threads; a write that fails there
    raises in the build (at the next batch or at close), never passes unseen."""
    import pyarrow as pa

    from hospital_party_news.schema import CONFIGS
    from hospital_party_news.write import ParquetWriters

    writers = ParquetWriters(tmp_path)
    wrong = {c.name: pa.table({"not_a_column": [1]}) for c in CONFIGS}
    writers.write(wrong)
    with pytest.raises(ValueError, match="schema"):
        writers.close()
