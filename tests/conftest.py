"""Test-wide setup: Qt runs offscreen, a filled-in report is at hand, and the network can be shut."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from model.report import Report
from tests.factories import consistent_report


@pytest.fixture
def report() -> Report:
    """A complete, consistent 2024 report with non-zero numbers and no errors."""
    return consistent_report()


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Any attempt to open, connect or resolve raises (Qt's own networking goes through the OS too)."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise NetworkUsed("network use attempted")

    for name in ("connect", "connect_ex", "bind", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield
