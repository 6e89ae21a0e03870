"""``hospital-party-news inspect PATH [--html OUT]``: every raw line of a file (or of every
raw file in a folder) beside the role the builder gave it, so a reader can audit what was
kept as body and what was removed as boilerplate, captions, credits … In colour on a
terminal (``rich``) and, with ``--html``, as one static HTML page.

The files go through the same reader and steps as a build (``pipeline.process``);
nothing is written but the HTML page.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from .read import EXTENSIONS, InputError, discover, document_ids, name_problem, printable, read_document
from .records import Document

# one colour per role: kept text plain or bright, removed text dim or coloured
ROLE_STYLES: dict[str, tuple[str, str]] = {  # role → (rich style, CSS colour)
    "title": ("bold bright_white on blue", "#1d4ed8"),
    "subtitle": ("bold cyan", "#0e7490"),
    "column": ("magenta", "#a21caf"),
    "date": ("yellow", "#a16207"),
    "dateline": ("bright_yellow", "#ca8a04"),
    "heading": ("bold green", "#15803d"),
    "body": ("default", "#111827"),
    "caption": ("italic bright_magenta", "#be185d"),
    "credit": ("bright_red", "#b91c1c"),
    "boilerplate": ("dim", "#9ca3af"),
}


@dataclass
class Row:
    line: int  # 1-based physical line
    role: str
    rule: str  # the rule that decided the role (schema/RULES.md)
    raw: str  # the raw characters of the piece, as in the file


@dataclass
class Inspected:
    source_file: str
    status: str
    error: str | None
    rows: list[Row]


def inspect_document(doc: Document) -> Inspected:
    rows = [Row(ln.number, ln.role, ln.rule, doc.raw_text[ln.start : ln.end]) for ln in doc.lines]
    return Inspected(doc.source_file, doc.status, doc.error, rows)


def inspect_files(path: Path) -> list[Inspected]:
    """Read and process one raw file, or every raw file under a folder."""
    from .pipeline import build_day
    from .steps import Runner, default_steps

    if path.is_file():
        found, root = [(path, path.name)], path.parent.resolve()
    elif path.is_dir():
        found, root = discover(path), path.resolve()
    else:
        raise InputError(f"{path} is neither a raw text file ({', '.join(EXTENSIONS)}) nor a folder")
    shown = [printable(rel) for _, rel in found]
    run = Runner(default_steps(build_day()))
    out = []
    for (file, rel), name, doc_id in zip(found, shown, document_ids(shown), strict=True):
        problem = name_problem(rel)
        doc = (Document(doc_id, name, None, 0).reject(problem) if problem
               else read_document(file, name, doc_id, root, max_bytes=1 << 62))
        out.append(inspect_document(run(doc)))
    return out


def print_terminal(results: list[Inspected]) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(highlight=False)
    for result in results:
        console.rule(Text(result.source_file, style="bold"))
        if result.status != "ok":
            console.print(Text(f"rejected: {result.error}", style="bold red"))
            continue
        width = max((len(r.role) for r in result.rows), default=4)
        rule_width = max((len(r.rule) for r in result.rows), default=4)
        for row in result.rows:
            style = ROLE_STYLES.get(row.role, ("default", ""))[0]
            console.print(Text.assemble((f"{row.line:>4} ", "dim"), (f"{row.role:<{width}} ", style),
                                        (f"{row.rule:<{rule_width}} ", "dim italic"), (row.raw, style)))
    console.print(Text.assemble("roles: ", *[(f"{role} ", style) for role, (style, _) in ROLE_STYLES.items()]))


def to_html(results: list[Inspected]) -> str:
    """One self-contained page: a table per file, a row per piece, coloured by role."""
    css = "\n".join(f".r-{role} td.role, .r-{role} td.raw {{ color: {colour}; }}" for role, (_, colour) in ROLE_STYLES.items())
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh"><head><meta charset="utf-8"><title>hospital_party_news inspect</title><style>',
        "body { font-family: sans-serif; margin: 2em; } table { border-collapse: collapse; margin-bottom: 2em; }",
        "td { padding: 2px 8px; vertical-align: top; border-bottom: 1px solid #eee; } td.line { color: #9ca3af; text-align: right; } td.rule { color: #6b7280; font-style: italic; }",
        ".r-title td.raw, .r-heading td.raw { font-weight: bold; } .r-boilerplate td.raw { text-decoration: line-through; }",
        ".rejected { color: #b91c1c; font-weight: bold; }",
        css,
        "</style></head><body>",
        "<p>roles: " + " ".join(f'<span style="color:{c}">{r}</span>' for r, (_, c) in ROLE_STYLES.items()) + "</p>",
    ]
    for result in results:
        parts.append(f"<h2>{html.escape(result.source_file)}</h2>")
        if result.status != "ok":
            parts.append(f'<p class="rejected">rejected: {html.escape(result.error or "")}</p>')
            continue
        parts.append("<table><tr><th>line</th><th>role</th><th>rule</th><th>raw text</th></tr>")
        parts += [f'<tr class="r-{row.role}"><td class="line">{row.line}</td><td class="role">{row.role}</td>'
                  f'<td class="rule">{row.rule}</td><td class="raw">{html.escape(row.raw)}</td></tr>' for row in result.rows]
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def inspect_path(path: Path, html_out: Path | None = None) -> int:
    results = inspect_files(path)
    print_terminal(results)
    if html_out is not None:
        html_out.write_text(to_html(results), encoding="utf-8")
    return 0
