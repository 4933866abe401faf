"""Build the one-folder app with PyInstaller and smoke-test the frozen program as a user would.

    python packaging/build_and_smoke.py            build into build/dist/nianbao, then test it
    python packaging/build_and_smoke.py --no-build test an existing build

The frozen console program converts a report to .docx, .xlsx and .pdf, imports the .docx back,
checks files with the contract's exit codes (0 clean, 1 errors, 2 unreadable), reviews a folder in
worker processes, and the frozen
window starts offscreen and closes cleanly. Prints the folder size and the window's start-up time.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from model import save_report  # noqa: E402
from model.about import APP_ID  # noqa: E402
from tests.factories import consistent_report  # noqa: E402

DIST = ROOT / "build" / "dist"
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""
REVIEWED = 16  # enough files for the review to start worker processes (export/review/run.py)


def build() -> None:
    subprocess.run(
        [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
            "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "work"),
            str(ROOT / "packaging" / "nianbao.spec"),
        ],
        check=True,
    )  # fmt: skip


def folder_size_mb(folder: Path) -> float:
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 1024 / 1024


def _run(program: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(program), *args], capture_output=True, text=True, encoding="utf-8", errors="replace",
        timeout=180, env=env, check=False,
    )  # fmt: skip


def _wrote(result: subprocess.CompletedProcess[str], target: Path, magic: bytes) -> bool:
    return result.returncode == 0 and target.read_bytes().startswith(magic)


def _stderr_tail(result: subprocess.CompletedProcess[str]) -> str:
    return result.stderr[-500:]


class Smoke:
    def __init__(self, app: Path, work: Path) -> None:
        self.cli = app / f"{APP_ID}-cli{EXE_SUFFIX}"
        self.gui = app / f"{APP_ID}{EXE_SUFFIX}"
        self.work = work
        self.failures: list[str] = []
        self.passed = 0

    def expect(self, name: str, condition: Callable[[], bool], detail: Callable[[], str] = lambda: "") -> None:
        try:
            ok = condition()
        except Exception as error:  # a smoke test reports every failure, whatever it is
            ok, extra = False, repr(error)
        else:
            extra = "" if ok else detail()
        print(f"{'ok  ' if ok else 'FAIL'} {name} {extra}".rstrip())
        if ok:
            self.passed += 1
        else:
            self.failures.append(name)

    def conversions(self) -> None:
        source = self.work / "report.nianbao.json"
        save_report(consistent_report(), source)
        for suffix, magic in ((".docx", b"PK"), (".xlsx", b"PK"), (".pdf", b"%PDF")):
            target = self.work / f"report{suffix}"
            result = _run(self.cli, "convert", str(source), str(target))
            self.expect(f"convert to {suffix}", partial(_wrote, result, target, magic), partial(_stderr_tail, result))
        back = self.work / "back.nianbao.json"
        result = _run(self.cli, "convert", str(self.work / "report.docx"), str(back))
        self.expect(
            "import the .docx back", lambda: result.returncode == 0 and back.exists(), lambda: result.stderr[-500:]
        )

    def checks(self) -> None:
        clean = _run(self.cli, "check", str(self.work / "report.docx"))
        self.expect("check a clean .docx exits 0", lambda: clean.returncode == 0, lambda: clean.stdout[-500:])
        broken = consistent_report()
        broken.set_cell("applications", "new_received", "total", 99)
        save_report(broken, self.work / "broken.nianbao.json")
        errors = _run(self.cli, "check", str(self.work / "broken.nianbao.json"))
        self.expect("check with an error exits 1", lambda: errors.returncode == 1 and "ROW_TOTAL" in errors.stdout)
        (self.work / "junk.docx").write_bytes(b"not a document")
        junk = _run(self.cli, "check", str(self.work / "junk.docx"))
        self.expect(
            "check of a broken file exits 2 with a reason",
            lambda: junk.returncode == 2 and "Traceback" not in junk.stderr and junk.stderr.strip() != "",
            lambda: junk.stderr[-500:],
        )

    def review(self) -> None:
        """The batch review starts its worker processes from the frozen program (freeze_support)."""
        folder = self.work / "reports"
        folder.mkdir()
        for number in range(REVIEWED):
            save_report(consistent_report(), folder / f"{number}.nianbao.json")
        out = self.work / "review"
        result = _run(self.cli, "review", str(folder), "--out", str(out))
        self.expect(
            f"review of {REVIEWED} files in worker processes writes the workbook",
            lambda: result.returncode == 0 and (out / "review.json").exists() and any(out.glob("*.xlsx")),
            lambda: f"exit {result.returncode}: {result.stderr[-800:]}",
        )

    def accelerator(self, app: Path) -> None:
        """reportlab loads _rl_accel through exec(): only the spec's hidden import brings it along."""
        self.expect("reportlab's C accelerator is bundled", lambda: any(app.rglob("_rl_accel*")))

    def printing(self, app: Path) -> None:
        """Print preview needs QtPdf, which only the import inside ui/export_actions.py leads to."""
        self.expect("QtPdf for the print preview is bundled", lambda: any(app.rglob("QtPdfWidgets.*")))

    def window(self) -> float:
        """Start the window on a report; the automation hook (ui/automation.py) reports its state and quits."""
        state = self.work / "state.json"
        script = self.work / "script.json"
        script.write_text(json.dumps({"state_file": str(state), "quit": True}), encoding="utf-8")
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "NIANBAO_SCRIPT": str(script),
            "NIANBAO_DATA_DIR": str(self.work / "appdata"),
        }
        start = time.perf_counter()
        result = _run(self.gui, str(self.work / "report.nianbao.json"), env=env)
        elapsed = time.perf_counter() - start
        self.expect(
            "the window starts offscreen with the report and closes cleanly",
            lambda: (
                result.returncode == 0
                and "Traceback" not in result.stderr
                and "report.nianbao.json" in json.loads(state.read_text(encoding="utf-8"))["title"]
            ),
            lambda: f"exit {result.returncode}: {result.stderr[-800:]}",
        )
        return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-build", action="store_true", help="test an existing build")
    args = parser.parse_args()
    if not args.no_build:
        build()
    app = DIST / APP_ID
    with tempfile.TemporaryDirectory() as work:
        smoke = Smoke(app, Path(work))
        smoke.conversions()
        smoke.checks()
        smoke.review()
        smoke.accelerator(app)
        smoke.printing(app)
        startup = smoke.window()
    print(f"folder {app}: {folder_size_mb(app):.0f} MB; window start-up with a report ≈ {startup:.2f} s")
    print(f"frozen smoke: {smoke.passed} passed, {len(smoke.failures)} failed")
    return 1 if smoke.failures else 0


if __name__ == "__main__":
    sys.exit(main())
