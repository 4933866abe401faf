"""Export options as the export tests name them: the two font schemes."""

from __future__ import annotations

from export import ExportOptions

STANDARD = ExportOptions(font_scheme="standard")
WINDOWS = ExportOptions(font_scheme="windows")
