"""model/report.py: the report holds its values as given."""

from __future__ import annotations

from decimal import Decimal

from model.report import Report


def test_fee_amount_is_exact(report: Report) -> None:
    report.set_cell("active_disclosure", "administrative_fees", "amount", Decimal("0.1") + Decimal("0.2"))
    assert report.value("active_disclosure", "administrative_fees", "amount") == Decimal("0.3")
