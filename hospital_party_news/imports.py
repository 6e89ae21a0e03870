"""Import-time help: a library's optional import, kept out where the build does not need it."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def without_module(name: str) -> Iterator[None]:
    """While inside, ``import name`` fails as where the module is not installed, unless
    something has imported it already (then nothing changes). Libraries that try an
    optional import (jieba: ``pkg_resources``; Pandera: ``hypothesis``) go on without it.

    >>> with without_module("no_such_module_here"):
    ...     try:
    ...         import no_such_module_here
    ...     except ImportError:
    ...         print("refused")
    refused
    """
    if name in sys.modules:
        yield
        return
    sys.modules[name] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        yield
    finally:
        del sys.modules[name]
