"""Where the build keeps its own state: nothing beside the dataset.

The cache and the lock of an output folder live in the platform's user cache folder
(``platformdirs``: ``~/.cache/hospital_party_news`` on Linux, honouring
``XDG_CACHE_HOME``), under a name made of the output's folder name and a digest of its
resolved path, so that every output has its own and none is shared by accident.
``--cache DIR`` puts the batch cache elsewhere; the lock always stays here.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

APP = "hospital_party_news"


def state_root() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP, appauthor=False))


def _slot(output: Path) -> str:
    """``<name>-<16 hex digits of sha256 of the resolved path>``.

    >>> _slot(Path("/data/hospital_party_news"))
    'hospital_party_news-5c94ada5058f2a0a'
    """
    resolved = os.path.realpath(output)
    return f"{Path(resolved).name}-{hashlib.sha256(resolved.encode('utf-8', 'surrogateescape')).hexdigest()[:16]}"


def default_cache(output: Path) -> Path:
    """The batch cache of ``output`` when ``--cache`` is not given."""
    return state_root() / "builds" / _slot(output)


def lock_path(output: Path) -> Path:
    """The lock file (and staging ledger) of ``output``."""
    return state_root() / "locks" / f"{_slot(output)}.lock"
