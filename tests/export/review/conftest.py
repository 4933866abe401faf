"""The test batch (tests/export/review/corpus.py) written once, and reviewed once, for the session."""

from __future__ import annotations

from datetime import date

import pytest

from export import ReviewOutcome, ReviewRequest, review_reports
from tests.export.review.corpus import Batch, write_batch

REVIEW_DATE = date(2025, 2, 25)
CENTER = "叶城县人民政府办公室"


@pytest.fixture(scope="session")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    return write_batch(tmp_path_factory.mktemp("batch"))


@pytest.fixture(scope="session")
def reviewed(batch: Batch, tmp_path_factory: pytest.TempPathFactory) -> ReviewOutcome:
    """The batch reviewed with the roster and last year's reports, in two worker processes."""
    request = ReviewRequest(
        inputs=(batch.folder,),
        out=tmp_path_factory.mktemp("review") / "审核结果",
        roster=batch.roster,
        previous=batch.previous,
        center=CENTER,
        review_date=REVIEW_DATE,
    )
    return review_reports(request)
