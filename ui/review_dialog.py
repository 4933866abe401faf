"""文件 → 批量审核…: the center's batch review in the window.

The person picks the folder of reports received, optionally the roster and last year's folder; the
review (export.review_reports, the same as `main.py review`) runs on a background thread, whose
worker processes do the reading, with a progress bar and 取消; the window stays responsive. Then the
审核情况 table shows one row per report, worst first: a double-click opens that report in the
window as a copy (保存 asks for a new file, so the bureau's file is never overwritten), and
打开输出文件夹 shows the workbook and letters.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from export import Progress, ReviewCancelled, ReviewOutcome, ReviewRequest, read_report, review_reports
from model import NATIONAL, TEMPLATE_2021, ReportFileError, ReviewEntry, Timeliness
from model.template import MetaId
from ui.check_rules import RULES_FILE_KEY
from ui.messages import for_clerk
from ui.screen import fit_to_screen

if TYPE_CHECKING:
    from ui.main_window import MainWindow

OUT_FOLDER = "审核结果"
ROSTER_FILTER = "单位名单 (*.xlsx *.csv);;所有文件 (*)"
OpenCopy = Callable[[Path], None]
# The 成文日期 column is named by the template (its meta field's label).
COLUMNS = ("单位", "文件", TEMPLATE_2021.meta_field(MetaId.ISSUE_DATE).label, "是否按时", "错误", "提醒", "问题代码")


class ReviewThread(QThread):
    """Runs one review; `cancel()` asks it to stop after the files being read."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)  # ReviewOutcome
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, request: ReviewRequest, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.request = request
        self._stop = threading.Event()

    def cancel(self) -> None:
        self._stop.set()

    @override
    def run(self) -> None:
        try:
            outcome = review_reports(self.request, self._progress, self._stop.is_set)
        except ReviewCancelled:
            self.cancelled.emit()
        except ReportFileError as error:
            self.failed.emit(for_clerk(str(error)))
        else:
            self.succeeded.emit(outcome)

    def _progress(self, progress: Progress) -> None:
        self.progressed.emit(progress.done, progress.total, progress.stage)


def _timeliness_text(entry: ReviewEntry) -> str:
    return f"逾期{entry.days_late}天" if entry.timeliness is Timeliness.LATE else entry.timeliness.label


def summary_text(outcome: ReviewOutcome) -> str:
    review = outcome.review
    with_errors = sum(1 for e in review.entries if e.summary.counts[0])
    text = f"审核 {len(review.entries)} 份报告：{with_errors} 份有错误，写出 {len(outcome.letters)} 份审核意见"
    if review.roster_used:
        text += f"；名单中 {len(review.missing)} 个单位未报送，{len(review.unmatched)} 份未对应名单"
    if review.unreadable:
        text += f"；{len(review.unreadable)} 个文件无法读取（见“未报送”表）"
    return text + "。"


class ReviewDialog(QDialog):
    """Pick, run, look: the batch review's three steps in one dialog."""

    def __init__(
        self, parent: QWidget | None, folder: str, open_copy: OpenCopy, rules_file: str = "", rules_name: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("批量审核")
        self._open_copy = open_copy
        self._rules_file = rules_file
        self.rules = QLabel(f"{rules_name or NATIONAL.name}（在“检查”菜单中更改）")
        self.worker: ReviewThread | None = None
        self.outcome: ReviewOutcome | None = None
        self.inputs = QLineEdit(folder)
        self.inputs.setPlaceholderText("收到的各单位报告所在文件夹（含子文件夹）")
        self.roster = QLineEdit()
        self.roster.setPlaceholderText("可选：应报送单位名单（.xlsx 或 .csv，含“单位名称”列）")
        self.previous = QLineEdit()
        self.previous.setPlaceholderText("可选：上一年度报告所在文件夹，用于跨年度核对")
        self.out = QLineEdit()
        self.out.setPlaceholderText(f"默认：报告文件夹中的“{OUT_FOLDER}”")
        self.center = QLineEdit()
        self.center.setPlaceholderText("可选：审核单位名称，署于审核意见落款")
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.stage = QLabel()
        self.stage.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setToolTip("双击打开该报告的副本")
        self.table.cellDoubleClicked.connect(self._open_row)
        self.start_button = QPushButton("开始审核(&S)")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.cancel_button = QPushButton("取消(&C)")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_folder_button = QPushButton("打开输出文件夹(&O)")
        self.open_folder_button.setEnabled(False)
        self.open_folder_button.clicked.connect(self.open_output_folder)
        self._layout()
        fit_to_screen(self, QSize(900, 600))

    def _layout(self) -> None:
        form = QFormLayout()
        rows = (
            ("报告文件夹(&F)：", self.inputs, self._browse_folder(self.inputs, "选择报告所在文件夹")),
            ("单位名单(&R)：", self.roster, self._browse_roster),
            ("上年报告(&L)：", self.previous, self._browse_folder(self.previous, "选择上一年度报告所在文件夹")),
            ("输出到(&U)：", self.out, self._browse_folder(self.out, "选择输出文件夹")),
        )
        for label, editor, browse in rows:
            row = QHBoxLayout()
            row.addWidget(editor)
            button = QPushButton("浏览…")
            button.clicked.connect(browse)
            row.addWidget(button)
            caption = QLabel(label)
            caption.setBuddy(editor)
            form.addRow(caption, row)
        center_label = QLabel("审核单位(&A)：")
        center_label.setBuddy(self.center)
        form.addRow(center_label, self.center)
        form.addRow("检查规则：", self.rules)
        buttons = QDialogButtonBox()
        for button in (self.start_button, self.cancel_button, self.open_folder_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.stage)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def _browse_folder(self, editor: QLineEdit, title: str) -> Callable[[], None]:
        def browse() -> None:
            name = QFileDialog.getExistingDirectory(self, title, editor.text() or self.inputs.text())
            if name:
                editor.setText(name)

        return browse

    def _browse_roster(self) -> None:
        name, _filter = QFileDialog.getOpenFileName(self, "选择单位名单", self.inputs.text(), ROSTER_FILTER)
        if name:
            self.roster.setText(name)

    def request(self) -> ReviewRequest | None:
        """What the fields ask for; None (with the reason shown) when the folder is missing."""
        folder = Path(self.inputs.text().strip())
        if not self.inputs.text().strip() or not folder.is_dir():
            self.stage.setText("请选择收到的报告所在的文件夹")
            return None
        out = Path(self.out.text().strip()) if self.out.text().strip() else folder / OUT_FOLDER
        return ReviewRequest(
            inputs=(folder,),
            out=out,
            roster=_optional_path(self.roster.text()),
            previous=_optional_path(self.previous.text()),
            rules=_optional_path(self._rules_file),
            center=self.center.text().strip(),
        )

    def start(self) -> None:
        request = self.request()
        if request is None or self.worker is not None:
            return
        self.outcome = None
        self.table.setRowCount(0)
        self.open_folder_button.setEnabled(False)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.stage.setText("正在查找报告…")
        self.worker = ReviewThread(request, self)
        self.worker.progressed.connect(self._show_progress)
        self.worker.succeeded.connect(self._show_outcome)
        self.worker.failed.connect(self._show_failure)
        self.worker.cancelled.connect(self._show_cancelled)
        self.worker.finished.connect(self._finished)
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.worker.start()

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()
            self.cancel_button.setEnabled(False)
            self.stage.setText("正在取消…")

    def _show_progress(self, done: int, total: int, stage: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.stage.setText(f"{stage}：{done}/{total}" if total > 1 else stage)

    def _show_outcome(self, outcome: ReviewOutcome) -> None:
        self.outcome = outcome
        where = f"已写入：{outcome.workbook.parent}（双击一行可在窗口中打开该报告的副本）"
        self.stage.setText(f"{summary_text(outcome)}\n{where}")
        entries = outcome.review.entries
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            errors, warnings = entry.summary.counts
            issued = entry.summary.issue_date
            values = (
                entry.name,
                _shown(outcome, entry.summary.file),
                issued.isoformat() if issued else "",
                _timeliness_text(entry),
                str(errors),
                str(warnings),
                " ".join(entry.summary.codes),
            )
            for column, text in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.open_folder_button.setEnabled(True)

    def _show_failure(self, reason: str) -> None:
        self.stage.setText(f"无法完成审核：{reason}")

    def _show_cancelled(self) -> None:
        self.stage.setText("已取消，未写出审核汇总表")

    def _finished(self) -> None:
        self.progress.setVisible(False)
        self.start_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        if self.worker is not None:
            self.worker.deleteLater()
        self.worker = None

    def report_file(self, row: int) -> Path | None:
        if self.outcome is None or not 0 <= row < len(self.outcome.review.entries):
            return None
        return Path(self.outcome.review.entries[row].summary.file)

    def _open_row(self, row: int, _column: int) -> None:
        path = self.report_file(row)
        if path is not None:
            self._open_copy(path)

    def open_output_folder(self) -> None:
        if self.outcome is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.outcome.workbook.parent)))

    @override
    def reject(self) -> None:
        """Closing while a review runs cancels it and waits for the workers to stop."""
        if self.worker is not None:
            self.worker.cancel()
            self.worker.wait()
        super().reject()


def _optional_path(text: str) -> Path | None:
    return Path(text.strip()) if text.strip() else None


def _shown(outcome: ReviewOutcome, file: str) -> str:
    try:
        return str(Path(file).relative_to(outcome.root))
    except ValueError:
        return file


def open_copy_in(window: MainWindow) -> OpenCopy:
    """Open a reviewed report in the window as an unsaved copy: 保存 asks where, never over the
    bureau's file."""
    from ui.document import ReportDocument

    def open_copy(path: Path) -> None:
        if not window.maybe_save():
            return
        try:
            report = read_report(path)
        except ReportFileError as error:
            window.show_status(f"无法打开“{path.name}”：{for_clerk(str(error))}")
            return
        window.set_document(ReportDocument(report), unsaved=True)
        window.show_status(f"已打开“{path.name}”的副本：保存时请另存为新的年报文件")
        window.activateWindow()

    return open_copy


def open_review_dialog(window: MainWindow) -> ReviewDialog:
    """The dialog, checking with the rules the window checks with."""
    rules = window.check_rules.rules
    rules_file = window.settings.text(RULES_FILE_KEY, "") if rules is not NATIONAL else ""
    dialog = ReviewDialog(window, window.settings.last_folder(), open_copy_in(window), rules_file, rules.name)
    dialog.show()
    return dialog
