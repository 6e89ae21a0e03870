"""Command line: ``hospital-party-news build|verify|diff|publish|evaluate|inspect|rules|schema``
(``python build_dataset.py`` = build). Errors are one line on stderr and a non-zero exit."""

from __future__ import annotations

import argparse
import atexit
import contextlib
import importlib.util
import os
import signal
import sys
import threading
from pathlib import Path
from typing import NoReturn

from .engine import ENGINES, default_workers
from .progress import Progress
from .read import DEFAULT_MAX_BYTES, InputError, printable
from .validate import ValidationFailed
from .write import BuildLocked


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one clear line, exit 2
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(2)


def _add_version(p: argparse.ArgumentParser) -> None:
    from .version import BUILDER_VERSION, DATASET_VERSION

    p.add_argument("--version", action="version", version=f"%(prog)s {BUILDER_VERSION} (dataset {DATASET_VERSION})")


def _add_build_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--input", type=Path, default=Path("data/raw"), help="folder of raw text files (default: data/raw)")
    p.add_argument("--output", type=Path, default=Path("dist/hospital_party_news"),
                   help="dataset folder to write (default: dist/hospital_party_news)")
    p.add_argument("--strict", action="store_true", help="exit non-zero when any file is rejected")
    p.add_argument("--max-bytes", type=_positive, default=DEFAULT_MAX_BYTES,
                   help=f"reject raw files larger than this (default: {DEFAULT_MAX_BYTES})")
    p.add_argument("--workers", type=_positive, default=None, help="processes to use (default: every core)")
    p.add_argument("--engine", choices=ENGINES, default="local", help="local processes (default) or a Dask cluster")
    p.add_argument("--scheduler", help="with --engine dask: the scheduler address (default: a local cluster)")
    caching = p.add_mutually_exclusive_group()
    caching.add_argument("--cache", type=Path, default=None,
                         help="incremental cache folder (default: one per output in the user cache folder, "
                              "e.g. ~/.cache/hospital_party_news/builds/)")
    caching.add_argument("--no-cache", action="store_true", help="process every file again and keep no cache")
    talk = p.add_mutually_exclusive_group()
    talk.add_argument("--quiet", "-q", action="store_true", help="only errors and rejected files")
    talk.add_argument("--verbose", "-v", action="store_true", help="also one line per batch")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


class Terminated(BaseException):
    """SIGTERM, raised in the build process so that it cleans up as for Ctrl-C."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise Terminated


def _fault(exc: OSError, output: Path) -> str:
    """One line for a system error: the path (the output folder when the error names
    none, as pyarrow's do not) and the reason."""
    where = exc.filename or output
    return f"error: {printable(str(where))}: {exc.strerror or exc}; nothing was changed"


def cmd_build(args: argparse.Namespace) -> int:
    from .pipeline import BuildFailed, build
    from .places import default_cache

    if args.engine == "dask" and importlib.util.find_spec("distributed") is None:
        print("error: --engine dask needs Dask: pip install 'hospital_party_news[dask]'", file=sys.stderr)
        return 2
    progress = Progress(enabled=not args.quiet and sys.stderr.isatty(), verbose=args.verbose)
    cache = None if args.no_cache else (args.cache or default_cache(args.output))
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        result = build(args.input, args.output, max_bytes=args.max_bytes, workers=args.workers or default_workers(),
                       engine=args.engine, scheduler=args.scheduler, cache_dir=cache, progress=progress.update,
                       log=progress.log, strict=args.strict)
    except (InputError, BuildLocked) as exc:
        return _fail(progress, f"error: {exc}", 2)
    except ValidationFailed as exc:
        return _fail(progress, f"error: the build did not pass validation; nothing was written.\n{exc.report}", 1)
    except BuildFailed as exc:
        return _fail(progress, f"error: {exc}", 1)
    except OSError as exc:
        return _fail(progress, _fault(exc, args.output), 1)
    except KeyboardInterrupt:
        return _fail(progress, "interrupted: nothing was changed", 130)
    except Terminated:
        return _fail(progress, "terminated: nothing was changed", 143)
    finally:
        signal.signal(signal.SIGTERM, previous)
    progress.done()
    if not args.quiet:
        cached = f", {result.cached_batches} of {result.batches} batches from the cache" if result.cached_batches else ""
        print(f"built {printable(str(args.output))}: {result.rows['articles']} articles from {result.n_files} files "
              f"({len(result.rejected)} rejected{cached})", file=sys.stderr)
    return 0


def _fail(progress: Progress, message: str, code: int) -> int:
    progress.done()
    print(message, file=sys.stderr)
    return code


def cmd_schema(args: argparse.Namespace) -> int:
    from .docs import write_schema_dir

    write_schema_dir(args.folder)
    print(f"wrote {args.folder}", file=sys.stderr)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from .verify import verify

    problems = verify(args.folder)
    for problem in problems:
        print(f"mismatch: {problem}", file=sys.stderr)
    if problems:
        print(f"error: {args.folder} does not match its manifest ({len(problems)} problems)", file=sys.stderr)
        return 1
    print(f"ok: {args.folder} matches its manifest", file=sys.stderr)
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    import json

    from .diff import diff_builds, diff_text

    d = diff_builds(args.old, args.new)
    print(json.dumps(d.to_json(), ensure_ascii=False, indent=2) if args.json else diff_text(d, args.new))
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from .publish import hub_client, plan, publish

    client = None if args.dry_run else hub_client()  # no token: say so before anything else
    p = plan(args.folder, args.repo_id, args.revision, args.private)
    print(p.describe())
    if client is None:
        print("dry run: verified, card parsed, nothing uploaded")
        return 0
    print(publish(p, client))
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    import json

    from .evaluate import evaluate, parse_floors

    try:
        floors = parse_floors(args.fail_under)
        report = evaluate(args.gold, args.split)
    except (ValueError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.to_json() if not args.quiet else {**report.to_json(), "misses": []}, ensure_ascii=False, indent=2))
    else:
        if not args.quiet:
            for miss in report.misses:
                print(f"  - {miss}")
        print(f"{args.gold} ({args.split}): {report.n_files} files, {report.n_articles} articles built")
        print(report.table())
    failed = report.failures(floors) if floors else []
    if failed:
        print(f"error: below the floor: {', '.join(f'{m}={report.metrics[m]:.3f} (floor {floors[m]})' for m in failed)}",
              file=sys.stderr)
        return 1
    return 0


def cmd_inspect(args: argparse.Namespace) -> int:
    from .inspection import inspect_path

    try:
        return inspect_path(args.path, args.html)
    except (InputError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def cmd_rules(args: argparse.Namespace) -> int:
    from .rules import markdown_table

    print(markdown_table(), end="")
    return 0


def parser() -> argparse.ArgumentParser:
    top = _Parser(prog="hospital-party-news", description="Build the hospital Party-building news dataset.")
    _add_version(top)
    sub = top.add_subparsers(dest="command", required=True, parser_class=_Parser)
    b = sub.add_parser("build", help="build, validate and write the dataset")
    _add_build_args(b)
    b.set_defaults(func=cmd_build)
    v = sub.add_parser("verify", help="re-hash a built folder against its manifest")
    v.add_argument("folder", type=Path, help="a built dataset folder (with manifest.json)")
    v.set_defaults(func=cmd_verify)
    d = sub.add_parser("diff", help="added, removed and changed articles between two builds")
    d.add_argument("old", type=Path, help="the earlier build's folder")
    d.add_argument("new", type=Path, help="the later build's folder")
    d.add_argument("--json", action="store_true", help="print JSON instead of text")
    d.set_defaults(func=cmd_diff)
    p = sub.add_parser("publish", help="upload a verified build to a Hugging Face dataset repo and tag it")
    p.add_argument("folder", type=Path, help="a built, verified dataset folder")
    p.add_argument("--repo-id", required=True, help="ORG/NAME on the hub")
    p.add_argument("--revision", help="tag to create (default and only allowed value: v<dataset version>)")
    p.add_argument("--dry-run", action="store_true", help="check everything and print the plan; no network")
    p.add_argument("--private", action="store_true", help="create the repo private (if it does not exist)")
    p.set_defaults(func=cmd_publish)
    e = sub.add_parser("evaluate", help="build annotated raw pages and score them against their gold")
    e.add_argument("gold", type=Path, help="a folder with raw/NAME.txt and gold.jsonl (eval/GOLD_FORMAT.md)")
    e.add_argument("--split", choices=("tune", "holdout", "all"), default="all", help="which gold lines to score (default: all)")
    e.add_argument("--json", action="store_true", help="print the report as JSON")
    e.add_argument("--quiet", "-q", action="store_true", help="metrics only, not every miss")
    e.add_argument("--fail-under", nargs="*", default=[], metavar="METRIC=VALUE",
                   help="exit 1 when a metric is worse than VALUE (lower for rates to maximise, higher for leak_rate/residue)")
    e.set_defaults(func=cmd_evaluate)
    i = sub.add_parser("inspect", help="each raw line beside the role the builder gave it (terminal or --html)")
    i.add_argument("path", type=Path, help="a raw text file or a folder of them")
    i.add_argument("--html", type=Path, default=None, metavar="OUT", help="also write one static HTML page to OUT")
    i.set_defaults(func=cmd_inspect)
    r = sub.add_parser("rules", help="print the line-role rules in order, with every parameter and its reason")
    r.set_defaults(func=cmd_rules)
    s = sub.add_parser("schema", help="regenerate the schema reference (schema/)")
    s.add_argument("folder", type=Path, nargs="?", default=Path("schema"), help="where to write (default: schema)")
    s.set_defaults(func=cmd_schema)
    return top


def main(argv: list[str] | None = None) -> int:
    from .publish import HubError, PublishError
    from .verify import NotADataset

    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except HubError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (NotADataset, PublishError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def build_main(argv: list[str] | None = None) -> int:
    """``python build_dataset.py [--input DIR] [--output DIR] [--strict]``."""
    p = _Parser(prog="build_dataset.py", description="Build the hospital Party-building news dataset.")
    _add_version(p)
    _add_build_args(p)
    return cmd_build(p.parse_args(argv))


def exit_now(code: int) -> NoReturn:
    """End the process with ``code`` once a command has returned, without the interpreter's
    teardown: freeing the build's half a million dictionary entries, module by module, took
    0.3 s of a 2.7 s five-file build. Everything a normal exit does that can matter still
    happens first: other threads are joined, ``atexit`` handlers run (the worker pools',
    logging's), and stdout and stderr are flushed. Only for the command line's own entry
    points; a caller of ``main()`` gets the code back as before. Under a profiler or a
    tracer (``python -m cProfile``, coverage) the exit is the normal one, so that they can
    write what they measured."""
    if sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)
    current = threading.current_thread()
    for thread in threading.enumerate():
        if thread is not current and not thread.daemon:
            thread.join()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):  # a closed pipe: nothing left to say
            stream.flush()
    os._exit(code)


def run() -> NoReturn:
    """The ``hospital-party-news`` script: ``main()`` then a quick exit (``exit_now``).
    A reader that stops early (``| head``) closes the pipe: the rest of the output is
    not wanted, which is no error (the exit code a shell gives a process a closed pipe
    stopped)."""
    try:
        code = main()
    except BrokenPipeError:
        code = 128 + signal.SIGPIPE
    exit_now(code)


if __name__ == "__main__":
    run()
