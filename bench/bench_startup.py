"""Start-up time: process start to a usable window with a report loaded, beside a bare
QApplication + empty QMainWindow started the same way (offscreen). Target: at most 1.5× the bare one.

"Usable" is the first turn of the event loop with the window shown: both programs note the clock
there (ours through its automation hook, ui/automation.py), so neither is charged for its exit.

python bench/bench_startup.py [RUNS]
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from measure import installed_env

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE = (
    "import sys, time\n"
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\n"
    "window = QMainWindow()\n"
    "window.show()\n"
    "def usable():\n"
    "    print(time.time())\n"
    "    app.quit()\n"
    "QTimer.singleShot(0, usable)\n"
    "app.exec()\n"
)
TARGET_RATIO = 1.5


def bare_seconds(env: dict[str, str]) -> float:
    started = time.time()
    result = subprocess.run([sys.executable, "-c", BARE], env=env, cwd=ROOT, check=True, capture_output=True, text=True)
    return float(result.stdout.split()[-1]) - started


def app_seconds(report: Path, state: Path, env: dict[str, str]) -> float:
    state.unlink(missing_ok=True)
    started = time.time()
    subprocess.run([sys.executable, "main.py", str(report)], env=env, cwd=ROOT, check=True, capture_output=True)
    usable_at: float = json.loads(state.read_text(encoding="utf-8"))["usable_at"]
    return usable_at - started


def main(runs: int) -> int:
    from model import save_report
    from tests.factories import consistent_report

    folder = Path(tempfile.mkdtemp(prefix="nianbao-bench-"))
    report_path = folder / "report.nianbao.json"
    save_report(consistent_report(), report_path)
    state = folder / "state.json"
    script = folder / "script.json"
    script.write_text(json.dumps({"state_file": str(state), "quit": True}), encoding="utf-8")
    env = installed_env(
        folder,
        {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NIANBAO_DATA_DIR": str(folder), "NIANBAO_SCRIPT": str(script)},
    )
    app_seconds(report_path, state, env)
    bare, app = [], []
    for _ in range(runs):  # interleaved, so a busy moment hurts both alike
        bare.append(bare_seconds(env))
        app.append(app_seconds(report_path, state, env))
    bare_median, app_median = statistics.median(bare), statistics.median(app)
    ratio = app_median / bare_median
    print(
        f"bare QMainWindow: median {bare_median * 1000:.0f} ms over {runs} runs (process start to first event-loop turn)"
    )
    print(f"nianbao window with a report: median {app_median * 1000:.0f} ms")
    print(f"ratio {ratio:.2f} (target ≤ {TARGET_RATIO})")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 7))
