"""ruff is part of the test command, so CI fails on lint errors too."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from conftest import ROOT


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff comes with the test extra")
def test_ruff_clean() -> None:
    """The project's own Python, not whatever else lies in the checkout (a venv of any name)."""
    paths = [ROOT / p for p in ("hospital_party_news", "tests", "tools", "benchmarks", "eval", "build_dataset.py")]
    result = subprocess.run(["ruff", "check", *map(str, paths)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
