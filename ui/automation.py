"""The test and automation hook: drive the window from a JSON script named by NIANBAO_SCRIPT.

Not a user feature. The tests (tests/ui/test_autosave.py), the start-up benchmark
(bench/bench_startup.py) and the frozen build's smoke test (packaging/build_and_smoke.py) set the
environment variable NIANBAO_SCRIPT to a JSON file. `ui.app.run` calls `schedule` once; on an
ordinary start it does nothing, and otherwise `run_script` runs at the event loop's first turn with
the window shown and reads these keys of the script, all optional:

    "recovery":   "restore" | "discard" | "later" — the answer to the offer of an orphaned recovery
                  file, in place of the person's click (default "later")
    "edits":      [{"cell": [table, row, column], "value": "3"} | {"field": "meta.agency", "value": "…"}]
                  applied as typed input through the document's undo commands
    "state_file": where to write the window's state as JSON afterwards: title, modified, offered
                  (recovery files), restored, report (the report file's dict), usable_at (time.time()
                  at that first turn, for the benchmark)
    "quit":       true to leave the event loop without close events or questions
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from model.dates import parse_date, parse_year
from model.field_paths import PathKind, parse
from model.files import write_atomically
from model.report import MetaValue, Report
from model.serialize import report_to_dict
from model.template import FieldKind
from model.values import parse_cell
from ui.autosave import Recovery
from ui.forms.editors import FieldBinding
from ui.main_window import MainWindow

SCRIPT_VARIABLE = "NIANBAO_SCRIPT"

# ui.app.offer_recovery: answers the offer of orphaned recovery files; True when one was restored.
OfferRecovery = Callable[[MainWindow, list[Recovery], str], bool]


def schedule(window: MainWindow, orphans: list[Recovery], offer_recovery: OfferRecovery) -> bool:
    """Run the script NIANBAO_SCRIPT names once the window shows; False (and nothing) without one."""
    name = os.environ.get(SCRIPT_VARIABLE)
    if not name:
        return False
    QTimer.singleShot(0, lambda: run_script(window, Path(name), orphans, offer_recovery))
    return True


def run_script(window: MainWindow, path: Path, orphans: list[Recovery], offer_recovery: OfferRecovery) -> None:
    """Answer the recovery offer, apply the edits, write the state file, quit — as the script says."""
    usable_at = time.time()  # the first turn of the event loop with the window shown: bench_startup
    script = json.loads(path.read_text(encoding="utf-8"))
    restored = offer_recovery(window, orphans, script.get("recovery", "later")) if orphans else False
    for edit in script.get("edits", []):
        _apply_edit(window, edit)
    if "state_file" in script:
        state = {
            "title": window.windowTitle(),
            "modified": window.isWindowModified(),
            "offered": [str(r.path) for r in orphans],
            "restored": restored,
            "report": report_to_dict(window.document.report),
            "usable_at": usable_at,
        }
        write_atomically(script["state_file"], json.dumps(state, ensure_ascii=False).encode("utf-8"))
    if script.get("quit"):
        QTimer.singleShot(0, lambda: QApplication.exit(0))  # exit, not quit: no close events, no questions


def _apply_edit(window: MainWindow, edit: dict[str, Any]) -> None:
    """One edit as a person would type it: a cell's text parsed as the grid parses it, or a field's text."""
    document = window.document
    if "cell" in edit:
        table_id, row_id, column_id = edit["cell"]
        kind = document.report.template.table(table_id).block_of(row_id).column(column_id).kind
        document.set_cells(table_id, [(row_id, column_id, parse_cell(edit["value"], kind))])
    else:
        path = edit["field"]
        FieldBinding(document, path, path).push(_typed(document.report, path, edit["value"]))


def _typed(report: Report, path: str, text: str) -> MetaValue:
    """A field's text as its editor would store it: a year or a date as one, other fields as text."""
    parsed = parse(path)
    if parsed is None or parsed.kind is not PathKind.META:
        return text
    kind = report.template.meta_field(parsed.key).kind
    if kind is FieldKind.YEAR:
        return parse_year(text)
    if kind is FieldKind.DATE:
        return parse_date(text)
    return text
