"""How the grids look: the colours and words that mark headers, totals, findings and empty cells."""

from __future__ import annotations

from PySide6.QtGui import QColor

HEADER_BACKGROUND = QColor("#e9edf2")  # a printed table's shaded header
ROW_HEADER_BACKGROUND = QColor("#f4f6f8")
TOTAL_BACKGROUND = QColor("#e3ebf5")  # computed, read-only
ERROR_BACKGROUND = QColor("#f6c4c0")
WARNING_BACKGROUND = QColor("#fbe3a6")
TEXT = QColor("#000000")
INVALID_TEXT = QColor("#c00000")  # a value read from a file that is no number
HINT_TEXT = QColor("#b4b9bf")
GRID_LINES = QColor("#6f7780")

NOT_FILLED_HINT = "未填"  # drawn faintly in a cell nobody filled in, so it is not mistaken for 0
TOTAL_TOOLTIP = "合计：由各项自动计算，不能直接填写"
STORED_TOTAL_BACKGROUND = QColor("#eef0e2")  # a total as the file gave it, not computed yet
STORED_TOTAL_TOOLTIP = (
    "这个合计是文件中原有的数字，不是由各项计算的。\n填齐各项后自动改为各项之和；按 Delete 可清除它。"
)
REVIEWED_NOTE = "（已核实：{reason}）"
