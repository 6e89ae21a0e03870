"""The package as Python users meet it: declared dependencies match the imports, a
version everywhere, real signatures, complete help, a tqdm bar on a terminal only."""

from __future__ import annotations

import ast
import fcntl
import inspect
import os
import pty
import struct
import subprocess
import sys
import termios
import tomllib
from pathlib import Path

import pytest
from conftest import RAW, ROOT

import hospital_party_news
from hospital_party_news import cli
from hospital_party_news.version import BUILDER_VERSION, DATASET_VERSION

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
IMPORT_NAMES = {"pyyaml": "yaml", "dask[distributed]": "dask", "pyahocorasick": "ahocorasick"}


def _declared(requirements: list[str]) -> set[str]:
    names = set()
    for req in requirements:
        dist = req.split(";")[0].split(">")[0].split("=")[0].split("<")[0].strip().lower()
        names.add(IMPORT_NAMES.get(dist, dist.replace("-", "_")))
    return names


def _imported() -> set[str]:
    found = set()
    for path in (ROOT / "hospital_party_news").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"hospital_party_news", "__future__"}


def test_declared_dependencies_match_the_imports() -> None:
    core = _declared(PYPROJECT["project"]["dependencies"])
    optional = _declared(PYPROJECT["project"]["optional-dependencies"]["dask"]) | {"distributed"}
    imported = _imported()
    assert imported - core - optional == set(), "imported but not declared"
    assert core - imported == set(), "declared but never imported"


def test_one_version_everywhere(capsys: pytest.CaptureFixture[str]) -> None:
    assert hospital_party_news.__version__ == BUILDER_VERSION == PYPROJECT["project"]["version"]
    for main in (cli.main, cli.build_main):
        with pytest.raises(SystemExit) as exit_:
            main(["--version"])
        assert exit_.value.code == 0
        assert capsys.readouterr().out.strip().endswith(f"{BUILDER_VERSION} (dataset {DATASET_VERSION})")


def test_the_public_load_has_a_real_signature_and_docstring() -> None:
    signature = inspect.signature(hospital_party_news.load)
    assert list(signature.parameters) == ["config", "path"]
    assert signature.parameters["config"].default == "articles"
    assert "Arrow-backed" in (hospital_party_news.load.__doc__ or "")


def test_every_argument_has_help() -> None:
    def actions(parser):
        for action in parser._actions:
            if getattr(action, "choices", None) and isinstance(action.choices, dict):  # subcommands
                for sub in action.choices.values():
                    yield from actions(sub)
            elif action.dest not in ("help", "version"):
                yield parser.prog, action

    missing = [(prog, a.dest) for prog, a in actions(cli.parser()) if not a.help]
    assert missing == []


def test_a_missing_dask_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    real = cli.importlib.util.find_spec
    monkeypatch.setattr(cli.importlib.util, "find_spec", lambda name: None if name == "distributed" else real(name))
    assert cli.build_main(["--engine", "dask", "--input", str(RAW), "--output", str(tmp_path / "o")]) == 2
    assert capsys.readouterr().err.strip() == "error: --engine dask needs Dask: pip install 'hospital_party_news[dask]'"
    assert not (tmp_path / "o").exists()


def test_a_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    """stderr a pseudo-terminal: tqdm draws its bar; a pipe: nothing (test_scale)."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a terminal 100 columns wide
    proc = subprocess.Popen([sys.executable, str(ROOT / "build_dataset.py"), "--workers", "1", "--no-cache",
                             "--input", str(RAW), "--output", str(tmp_path / "o")], stderr=follower, stdout=subprocess.DEVNULL)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    assert proc.wait(timeout=300) == 0
    text = shown.decode("utf-8", "replace")
    assert "5/5" in text and "file/s" in text and "built " in text
