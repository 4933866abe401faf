"""tools/fuzz.py in the suite: mutated report files, .docx and .xlsx for a bounded time, each answered
with a result or one line (issue 18, item 8). Longer runs: `python tools/fuzz.py --seconds 3600`.

NIANBAO_FUZZ_SECONDS sets the time (default 40 s, so the suite's share stays under a minute) and
NIANBAO_FUZZ_SEED the seed (default fixed, so a failure repeats)."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

import tools.fuzz as fuzzing
from model.errors import ReportFileError

FUZZ_SECONDS = float(os.environ.get("NIANBAO_FUZZ_SECONDS", "40"))
FUZZ_SEED = int(os.environ.get("NIANBAO_FUZZ_SEED", "18"))
FIXTURE = Path(__file__).parent / "fixtures" / "seed_000.nianbao.json"


@pytest.mark.slow
@pytest.mark.timeout(FUZZ_SECONDS + 180)
def test_mutated_inputs_are_answered_with_a_result_or_one_line(tmp_path: Path) -> None:
    stats = fuzzing.fuzz(FUZZ_SECONDS, FUZZ_SEED, tmp_path / "failures")
    failures = {path.name: _trace(path)[-400:] for path in stats.failures}
    assert stats.cases > 20 and failures == {}


def test_json_mutations_keep_raw_numbers_and_change_the_file() -> None:
    rng = random.Random(5)
    text = FIXTURE.read_text(encoding="utf-8")
    mutated = [fuzzing.mutate_json(text, rng) for _ in range(60)]
    assert all(m != text for m in mutated)
    assert any(raw in m for m in mutated for raw in fuzzing.RAW_NUMBERS[:3])
    assert any(_parses(m) for m in mutated)  # most still parse: they reach the shape checks and beyond


def _trace(failure: Path) -> str:
    return failure.with_name(f"{failure.name}.txt").read_text(encoding="utf-8")


def _parses(text: str) -> bool:
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def test_a_failure_is_saved_as_the_input_and_its_traceback(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(path: Path) -> object:
        raise KeyError("a reader that fails")

    monkeypatch.setattr(fuzzing, "read_report", broken)
    stats = fuzzing.fuzz(0.5, 1, tmp_path, exports=())
    assert stats.failures and all(p.exists() for p in stats.failures)
    assert "KeyError" in _trace(stats.failures[0])


def test_a_reason_on_two_lines_is_a_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class TwoLines(ReportFileError):
        def __str__(self) -> str:
            return "第一行\n第二行"

    def refuse(path: Path) -> object:
        raise TwoLines("x")

    monkeypatch.setattr(fuzzing, "read_report", refuse)
    stats = fuzzing.fuzz(0.5, 1, tmp_path, exports=())
    assert stats.failures and "not one line" in _trace(stats.failures[0])
