"""The command line: clear one-line errors that write nothing, rejected files recorded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
from conftest import RAW, ROOT


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "build_dataset.py"), *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_missing_input_is_one_line_and_writes_nothing(tmp_path: Path) -> None:
    result = run("--input", str(tmp_path / "nope"), "--output", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "does not exist" in result.stderr
    assert not (tmp_path / "out").exists()


def test_empty_input_folder(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    result = run("--input", str(tmp_path / "in"), "--output", str(tmp_path / "out"))
    assert result.returncode == 2 and "no raw text files" in result.stderr
    assert not (tmp_path / "out").exists()


def test_output_inside_input_or_a_file(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("标题\n正文第一句。", "utf-8")
    inside = run("--input", str(tmp_path / "in"), "--output", str(tmp_path / "in" / "out"))
    assert inside.returncode == 2 and "inside the input folder" in inside.stderr
    (tmp_path / "file").write_text("x")
    a_file = run("--input", str(tmp_path / "in"), "--output", str(tmp_path / "file"))
    assert a_file.returncode == 2 and "is a file" in a_file.stderr


def test_unknown_flag(tmp_path: Path) -> None:
    result = run("--colour", "red")
    assert result.returncode == 2 and "unrecognized arguments" in result.stderr


def test_bad_files_are_rejected_and_the_build_goes_on(tmp_path: Path) -> None:
    inp = tmp_path / "in"
    inp.mkdir()
    for f in RAW.glob("00[34]*.txt"):
        (inp / f.name).write_bytes(f.read_bytes())
    (inp / "empty.txt").write_text("  \n\n", "utf-8")
    (inp / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (inp / "nothing.txt").write_text("首页 > 新闻中心 > 医院动态\n分享到:\n×\n版权所有:某某市人民医院 技术支持:某某网络科技有限公司\n", "utf-8")
    result = run("--input", str(inp), "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    for name in ("empty.txt", "binary.txt", "nothing.txt"):
        assert f"rejected {name}" in result.stderr
    docs = pq.read_table(tmp_path / "out" / "data/documents/train-00000-of-00001.parquet").to_pandas().set_index("document_id")
    assert docs.loc["empty", "status"] == "rejected" and "no text" in docs.loc["empty", "error"]
    assert "binary" in docs.loc["binary", "error"]
    assert "no article" in docs.loc["nothing", "error"]
    articles = pq.read_table(tmp_path / "out" / "data/articles/train-00000-of-00001.parquet")
    assert articles.num_rows == 8
    strict = run("--input", str(inp), "--output", str(tmp_path / "out2"), "--strict")
    assert strict.returncode == 1


def test_console_script_builds(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "hospital_party_news.cli", "build", "--input", str(RAW), "--output", str(tmp_path / "o")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "11 articles" in result.stderr


def test_the_quick_exit_still_joins_threads_runs_atexit_and_flushes() -> None:
    """``exit_now`` skips the interpreter's teardown, not what a normal exit promises."""
    script = (
        "import atexit, threading, time\n"
        "from hospital_party_news.cli import exit_now\n"
        "atexit.register(lambda: print('atexit ran', end=''))\n"
        "threading.Thread(target=lambda: (time.sleep(0.2), print('thread done ', end=''))).start()\n"
        "print('buffered ', end='')\n"
        "exit_now(3)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 3
    assert done.stdout == "buffered thread done atexit ran"


def test_a_profiled_build_still_writes_its_profile(tmp_path: Path) -> None:
    """``exit_now`` leaves the normal exit to a profiler, which writes its stats at exit."""
    stats = tmp_path / "build.prof"
    result = subprocess.run([sys.executable, "-m", "cProfile", "-o", str(stats), str(ROOT / "build_dataset.py"),
                             "--input", str(RAW), "--output", str(tmp_path / "out"), "--no-cache", "--quiet"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert stats.stat().st_size > 0


def test_a_reader_closing_the_pipe_early_is_no_error() -> None:
    """``hospital-party-news rules | head -1``: the reader stops before the command has
    written (here: at once); the command stops quietly, without a traceback."""
    script = ("import subprocess, sys\n"
              "p = subprocess.Popen([sys.executable, '-c', 'from hospital_party_news.cli import run; run()', 'rules'],"
              " stdout=subprocess.PIPE, stderr=subprocess.PIPE)\n"
              "p.stdout.close()\n"
              "err = p.stderr.read().decode(); p.wait()\n"
              "print(repr(err))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert "Traceback" not in done.stdout, done.stdout
