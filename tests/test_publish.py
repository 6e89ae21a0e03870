"""Publishing: the plan is checked offline; only the hub's network client is replaced."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from hospital_party_news import cli
from hospital_party_news.publish import PublishError, plan, publish
from hospital_party_news.version import DATASET_VERSION

TAG = f"v{DATASET_VERSION}"


class FakeHub:
    """Stands in for ``huggingface_hub.HfApi``: records calls, no network."""

    def __init__(self, tags: tuple[str, ...] = (), **_: object) -> None:
        self.calls: list[tuple[str, tuple, dict]] = []
        self.tags = tags

    def create_repo(self, *args: object, **kwargs: object) -> None:
        self.calls.append(("create_repo", args, kwargs))

    def list_repo_refs(self, *args: object, **kwargs: object) -> SimpleNamespace:
        self.calls.append(("list_repo_refs", args, kwargs))
        return SimpleNamespace(tags=[SimpleNamespace(name=t) for t in self.tags])

    def upload_folder(self, **kwargs: object) -> SimpleNamespace:
        self.calls.append(("upload_folder", (), kwargs))
        uploaded = sorted(p.relative_to(kwargs["folder_path"]).as_posix() for p in Path(str(kwargs["folder_path"])).rglob("*") if p.is_file())
        self.uploaded = uploaded
        return SimpleNamespace(oid="abc123", commit_url="https://huggingface.co/datasets/org/name/commit/abc123")

    def create_tag(self, *args: object, **kwargs: object) -> None:
        self.calls.append(("create_tag", args, kwargs))


def test_publish_creates_uploads_and_tags(built: Path) -> None:
    hub = FakeHub()
    url = publish(plan(built, "org/name", private=True), hub, log=lambda _: None)
    assert [c[0] for c in hub.calls] == ["create_repo", "list_repo_refs", "upload_folder", "create_tag"]
    assert hub.calls[0][2] == {"repo_type": "dataset", "private": True, "exist_ok": True}
    assert hub.calls[2][2]["folder_path"] == str(built) and hub.calls[2][2]["repo_type"] == "dataset"
    assert {"README.md", "manifest.json", "croissant.json", "data/articles/train-00000-of-00001.parquet"} <= set(hub.uploaded)
    assert hub.calls[3][1] == ("org/name",) and hub.calls[3][2]["tag"] == TAG and hub.calls[3][2]["revision"] == "abc123"
    assert url.endswith("abc123")


def test_an_existing_version_tag_is_never_replaced(built: Path) -> None:
    hub = FakeHub(tags=(TAG,))
    with pytest.raises(PublishError, match="already has a tag"):
        publish(plan(built, "org/name"), hub, log=lambda _: None)
    assert "upload_folder" not in [c[0] for c in hub.calls]


@pytest.mark.parametrize(
    ("repo_id", "revision", "message"),
    [("no-slash", None, "ORG/NAME"), ("org/name", "v0.0.1", "does not match the built dataset version")],
)
def test_bad_arguments_fail_before_the_network(built: Path, repo_id: str, revision: str | None, message: str) -> None:
    with pytest.raises(PublishError, match=message):
        plan(built, repo_id, revision)


def test_a_tampered_build_is_not_published(built: Path, tmp_path: Path) -> None:
    shutil.copytree(built, tmp_path / "ds")
    (tmp_path / "ds" / "extra.bin").write_bytes(b"x")
    with pytest.raises(PublishError, match="does not match its manifest"):
        plan(tmp_path / "ds", "org/name")


def test_dry_run_prints_the_plan_without_network(built: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    import huggingface_hub

    def no_network(*_: object, **__: object) -> None:
        raise AssertionError("the dry run built a network client")

    monkeypatch.setattr(huggingface_hub, "HfApi", no_network)
    assert cli.main(["publish", str(built), "--repo-id", "org/name", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert f"tag {TAG}" in out and "data/articles/train-00000-of-00001.parquet" in out and "nothing uploaded" in out


def test_cli_publish_with_a_token_uses_the_hub_client(built: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    import huggingface_hub

    hubs: list[FakeHub] = []
    monkeypatch.setattr(huggingface_hub, "HfApi", lambda **kw: hubs.append(FakeHub(**kw)) or hubs[-1])
    monkeypatch.setenv("HF_TOKEN", "hf_test_token")
    assert cli.main(["publish", str(built), "--repo-id", "org/name", "--revision", TAG]) == 0
    assert [c[0] for c in hubs[0].calls][-1] == "create_tag"
    assert "commit/abc123" in capsys.readouterr().out


def test_no_token_is_one_clear_line(built: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HF_")}
    env |= {"HF_HOME": str(tmp_path / "hf"), "HF_HUB_OFFLINE": "0"}
    result = subprocess.run([sys.executable, "-m", "hospital_party_news.cli", "publish", str(built), "--repo-id", "org/name"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "no Hugging Face token" in result.stderr
