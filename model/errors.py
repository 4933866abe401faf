"""The one exception the model and the exporters raise for a file they cannot read or write."""

from __future__ import annotations


class ReportFileError(Exception):
    """A report file or document that cannot be read or written; str() is a one-line Chinese reason."""
