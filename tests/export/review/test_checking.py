"""`check` over many files (export.check_files): worker processes give what reading and checking
each file alone gives, in the order of the files, unreadable files included."""

from __future__ import annotations

import threading
from concurrent.futures import Executor, ProcessPoolExecutor
from pathlib import Path

import pytest

from export import check_files
from export.review import checking, pool
from export.review.checking import check_file
from export.review.run import find_inputs
from main import main
from tests.export.review.corpus import Batch


def _files(batch: Batch) -> list[str]:
    files, _ = find_inputs([batch.folder])
    return [str(f) for f in files]


def test_in_workers_each_file_gives_what_checking_it_alone_gives_in_the_order_given(
    batch: Batch, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = _files(batch)
    files = list(reversed(files))  # an order of the caller's, not the folder's
    assert len(files) >= pool.IN_PROCESS_BELOW and batch.unreadable in files
    monkeypatch.setattr(checking, "SPAWNED_FROM", 0)  # workers, however they start here
    started: list[Executor] = []

    def counted(**options: object) -> Executor:
        started.append(ProcessPoolExecutor(**options))  # type: ignore[arg-type]
        return started[-1]

    monkeypatch.setattr(pool, "ProcessPoolExecutor", counted)

    results = list(check_files(files, workers=2))

    assert started, "no worker process was started"
    assert [r.path for r in results] == files
    assert results == [check_file(f, None) for f in files]
    unreadable = next(r for r in results if r.path == batch.unreadable)
    assert unreadable.unreadable and not unreadable.findings
    assert any(r.findings for r in results if r.unreadable is None)


def test_a_few_files_are_checked_in_this_process(batch: Batch, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*_args: object) -> None:
        raise AssertionError("a pool was started")

    monkeypatch.setattr(pool, "ProcessPoolExecutor", no_pool)
    files = _files(batch)[: pool.IN_PROCESS_BELOW - 1]
    assert [r.path for r in check_files(files)] == files


def test_the_command_line_prints_many_files_in_the_order_given(
    batch: Batch, capsys: pytest.CaptureFixture[str]
) -> None:
    files = _files(batch)
    status = main(["check", *files])
    captured = capsys.readouterr()
    headers = [line.split(": ")[0] for line in captured.out.splitlines() if not line.startswith(" ")]
    assert headers == [f for f in files if f != batch.unreadable]
    assert f"{batch.unreadable}: 无法读取：" in captured.err
    assert status == 2


def test_spawned_workers_wait_for_a_batch_worth_their_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "_start_method", lambda: "spawn")
    assert pool.worker_pool(2, 20, spawned_from=80) is None
    monkeypatch.setattr(pool, "_start_method", lambda: "fork")
    forked = pool.worker_pool(2, 20, spawned_from=80)
    assert forked is not None
    forked.shutdown()


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux's /proc")
def test_workers_are_not_forked_beside_a_running_thread() -> None:
    """A fork beside a running thread (Qt's, in the window) would inherit it broken."""
    before = pool._threads()
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert pool._threads() == before + 1
        assert pool._start_method() == "spawn"
    finally:
        stop.set()
        thread.join()


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux's /proc")
def test_a_single_threaded_process_on_linux_forks_its_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool, "_threads", lambda: 1)
    assert pool._start_method() == "fork"
    monkeypatch.setattr(pool, "_threads", lambda: 3)
    assert pool._start_method() == "spawn"
