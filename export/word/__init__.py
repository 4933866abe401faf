"""Word (.docx) export and import of a report: this package is the .docx entry of export.formats
(`render`, `read`, `notice`: the ReportFormat protocol).

Export lays the report out as a 公文 (see document.py) and embeds the exact report file
(embedded.py). Import trusts that embedded copy while the visible text is unchanged, and
otherwise reads what the document shows (read_text.py, read_tables.py), so hand-typed reports open too.

An unfilled cell is printed as an empty cell, an invalid value too (it is an error the window
asks about before export); a 0 is printed as 0.
"""

from __future__ import annotations

import io
from pathlib import Path

from export.formats import ExportOptions
from export.word.read_body import body_of_package
from export.word.read_text import import_visible_content
from model.report import Report


def render(report: Report, options: ExportOptions) -> bytes:
    """The .docx file's bytes."""
    from export.fonts import resolve_scheme  # python-docx and the writer: only when writing
    from export.word.document import build_document
    from export.word.embedded import embed_report
    from export.word.package import finish_package

    scheme = resolve_scheme(options.font_scheme)
    document = build_document(report, scheme, options.signed_copy)
    finish_package(document, scheme)
    embed_report(document, report)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def notice(options: ExportOptions) -> str | None:
    """Nothing to say: Word substitutes fonts the reader lacks by itself."""
    return None


def read(path: Path) -> Report:
    """Import a .docx: exactly what this app wrote, or what a person typed following the official form.

    A package without the embedded report's part carries no report of ours: only its body is read."""
    body = body_of_package(path)
    if body is not None:
        return import_visible_content(body)
    from export.word.embedded import embedded_report, visible_fingerprint  # python-docx: for our own files
    from export.word.read_body import open_document

    document = open_document(path)
    embedded = embedded_report(document)
    if embedded is not None and embedded.fingerprint == visible_fingerprint(document):
        return embedded.report
    if embedded is None:
        return import_visible_content(document.element.body)
    # Edited in Word: the page is read, against the template the report was written in, and what
    # the page cannot show survives from the embedded copy (meta fields not printed, such as the
    # agency kind, last year's figures, the structured fee of 六, which sentences follow the tables).
    report = import_visible_content(document.element.body, embedded.report.template)
    for spec in report.template.meta_fields:
        if not spec.printed:
            report.meta.set(spec.id, embedded.report.meta.get(spec.id))
    report.import_notes = [n for n in report.import_notes if n.kind != "guessed"]  # the kind came from the copy
    report.previous = embedded.report.previous
    report.fee = embedded.report.fee
    report.sentence_links = embedded.report.sentence_links  # a link acts only where its text is still found
    return report
