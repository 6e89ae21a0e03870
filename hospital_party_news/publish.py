"""``hospital-party-news publish DIR --repo-id ORG/NAME``: a verified build to a dataset hub.

The folder goes up as it is (it already is a Hugging Face dataset repository), in one
commit, then the commit is tagged ``v<dataset version>``. Everything that can be checked
without the network is checked first (``plan``); ``--dry-run`` stops there.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .verify import MANIFEST, read_manifest, verify

_REPO_ID = re.compile(r"^[A-Za-z0-9][\w.-]{0,95}/[A-Za-z0-9][\w.-]{0,95}$")
REQUIRED_CARD_FIELDS = ("license", "language", "pretty_name", "task_categories", "size_categories", "configs", "dataset_info")


class PublishError(Exception):
    """Publishing cannot go ahead; the message is one line saying why."""


class HubError(PublishError):
    """The hub or the network failed during a publish (exit 1, not a usage error)."""


@dataclass
class Plan:
    folder: Path
    repo_id: str
    revision: str
    private: bool
    version: str
    files: list[dict]
    endpoint: str = "https://huggingface.co"  # where the token goes: ``HF_ENDPOINT`` when set
    manifest_size: int = 0

    def describe(self) -> str:
        total = sum(f["size_bytes"] for f in self.files)
        lines = [
            f"publish {self.folder} → {self.endpoint}/datasets/{self.repo_id} "
            f"({'private' if self.private else 'public'} if created)",
            f"  dataset version {self.version}, tag {self.revision}",
            f"  {len(self.files) + 1} files, {total + self.manifest_size:,} bytes:",
        ]
        lines += [f"    {f['path']}  {f['size_bytes']:,} B  sha256 {f['sha256'][:12]}…" for f in self.files]
        lines.append(f"    {MANIFEST}  {self.manifest_size:,} B  (lists the checksums above)")
        return "\n".join(lines)


def check_card(folder: Path) -> None:
    """The card parses with huggingface_hub and carries the metadata a hub page needs."""
    from huggingface_hub import DatasetCard

    try:
        card = DatasetCard.load(folder / "README.md")
    except Exception as exc:
        raise PublishError(f"README.md does not parse as a dataset card: {exc}") from exc
    data = card.data.to_dict()
    missing = [k for k in REQUIRED_CARD_FIELDS if not data.get(k)]
    if missing:
        raise PublishError(f"README.md lacks card metadata: {', '.join(missing)}")


def plan(folder: Path, repo_id: str, revision: str | None = None, private: bool = False) -> Plan:
    """Everything checked without the network: repo id, verified files, card, version tag."""
    if not _REPO_ID.match(repo_id):
        raise PublishError(f"--repo-id {repo_id!r} is not of the form ORG/NAME")
    manifest = read_manifest(folder)
    problems = verify(folder)
    if problems:
        raise PublishError(f"{folder} does not match its manifest ({len(problems)} problems; run verify): {problems[0]}")
    check_card(folder)
    version = manifest["dataset_version"]
    revision = revision or f"v{version}"
    if revision != f"v{version}":
        raise PublishError(f"--revision {revision} does not match the built dataset version {version} (expected v{version})")
    return Plan(folder, repo_id, revision, private, version, manifest["outputs"], hub_endpoint(),
                (folder / MANIFEST).stat().st_size)


def hub_endpoint() -> str:
    """The hub the client will talk to (``HF_ENDPOINT``, read by huggingface_hub)."""
    from huggingface_hub import constants

    return constants.ENDPOINT.rstrip("/")


def network_error(exc: Exception, endpoint: str) -> HubError:
    """One line for a failed call to the hub: the endpoint, the HTTP status when there
    was an answer, and the first line of the reason."""
    response = getattr(exc, "response", None)
    status = getattr(response, "status_code", None)
    reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
    if status is not None:
        return HubError(f"{endpoint} answered HTTP {status}: {reason}")
    return HubError(f"cannot reach {endpoint} ({type(exc).__name__}: {reason})")


def hub_client() -> Any:
    """The network client, with the user's token; one clear error when there is none."""
    from huggingface_hub import HfApi, get_token

    token = get_token()
    if not token:
        raise PublishError("no Hugging Face token: run `hf auth login` or set HF_TOKEN (or use --dry-run)")
    return HfApi(endpoint=hub_endpoint(), token=token)


def publish(p: Plan, api: Any, log: Callable[[str], None] = print) -> str:
    """Create the repo if needed, refuse an existing tag, upload, tag. Returns the commit
    URL. Any failure of the hub or the network is one ``PublishError`` line."""
    try:
        return _publish(p, api, log)
    except PublishError:
        raise
    except Exception as exc:  # HTTP errors, refused connections, timeouts: whatever the client raises
        raise network_error(exc, p.endpoint) from exc


def _publish(p: Plan, api: Any, log: Callable[[str], None]) -> str:
    api.create_repo(p.repo_id, repo_type="dataset", private=p.private, exist_ok=True)
    tags = {t.name for t in api.list_repo_refs(p.repo_id, repo_type="dataset").tags}
    if p.revision in tags:
        raise PublishError(f"{p.repo_id} already has a tag {p.revision}; a released version is never replaced")
    log(f"uploading {len(p.files) + 1} files to {p.repo_id} …")
    commit = api.upload_folder(
        repo_id=p.repo_id,
        folder_path=str(p.folder),
        repo_type="dataset",
        commit_message=f"hospital_party_news {p.version}",
    )
    api.create_tag(p.repo_id, tag=p.revision, tag_message=f"hospital_party_news {p.version}",
                   revision=getattr(commit, "oid", None), repo_type="dataset")
    log(f"tagged {p.revision}")
    return str(getattr(commit, "commit_url", commit))
