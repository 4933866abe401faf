"""Start-up time: process start to a usable window with a report loaded, beside a bare
QApplication + empty QMainWindow started the same way (offscreen). Target: at most 1.5× the bare one.

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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE = (
    "from PySide6.QtCore import QTimer\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication([])\n"
    "window = QMainWindow()\n"
    "window.show()\n"
    "QTimer.singleShot(0, app.quit)\n"
    "app.exec()\n"
)
TARGET_RATIO = 1.5


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - started


def main(runs: int) -> int:
    from model.files import save_report
    from tests.factories import consistent_report

    folder = Path(tempfile.mkdtemp(prefix="nianbao-bench-"))
    report_path = folder / "report.nianbao.json"
    save_report(consistent_report(), report_path)
    script = folder / "quit.json"
    script.write_text(json.dumps({"quit": True}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NIANBAO_DATA_DIR": str(folder), "NIANBAO_SCRIPT": str(script)}
    # An installed app starts from compiled bytecode: allow it (in a temporary cache), and warm it up.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    timed([sys.executable, "main.py", str(report_path)], env)
    bare, app = [], []
    for _ in range(runs):  # interleaved, so a busy moment hurts both alike
        bare.append(timed([sys.executable, "-c", BARE], env))
        app.append(timed([sys.executable, "main.py", str(report_path)], env))
    bare_median, app_median = statistics.median(bare), statistics.median(app)
    ratio = app_median / bare_median
    print(f"bare QMainWindow: median {bare_median * 1000:.0f} ms over {runs} runs")
    print(f"nianbao window with a report: median {app_median * 1000:.0f} ms")
    print(f"ratio {ratio:.2f} (target ≤ {TARGET_RATIO})")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 7))
