"""Starting the window: QApplication in Chinese (Qt's own zh_CN translations, a Chinese UI font),
the report from the command line, the offer to recover a report whose program died, and a
Chinese message instead of a traceback."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from export import NATIVE, format_of, read_report
from model import TEMPLATE_2021, ReportFileError
from model.about import APP_ID
from model.characters import storable
from model.dates import chinese_date
from ui import automation
from ui.autosave import Autosaver, Recovery, find_orphans, forget
from ui.document import ReportDocument
from ui.main_window import MainWindow
from ui.settings import Settings, data_dir

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
QT_CATALOGUES = ("qtbase_zh_CN",)  # the file, print and colour dialogs, standard buttons, context menus
# Microsoft YaHei on Windows; what Linux desktops usually have otherwise.
UI_FONTS = ("Microsoft YaHei UI", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei")


def create_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication([APP_ID, *argv])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(TEMPLATE_2021.title_suffix)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    install_translations(app)
    _choose_font(app)
    style = RESOURCES / "app.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    app.setWindowIcon(QIcon(str(RESOURCES / "icon.svg")))
    return app


def translation_folders() -> list[Path]:
    """Where Qt's own Chinese may be: Qt's configured folder, PySide6's bundled one (also in the frozen
    build), all on this computer."""
    import PySide6

    bundled = Path(PySide6.__file__).resolve().parent / "Qt" / "translations"
    configured = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return [configured, bundled, bundled.parent.parent / "translations"]


def install_translations(app: QApplication) -> list[QTranslator]:
    """Qt's own dialogs (file dialog, print dialog, context menus) in Chinese: qtbase_zh_CN, offline."""
    installed = []
    for name in QT_CATALOGUES:
        for folder in translation_folders():
            translator = QTranslator(app)
            if translator.load(name, str(folder)):
                app.installTranslator(translator)
                installed.append(translator)
                break
    return installed


def _choose_font(app: QApplication) -> None:
    families = set(QFontDatabase.families())
    family = next((f for f in UI_FONTS if f in families), None)
    if family is not None:
        font = QFont(family, 10)
        font.setFamilies([family, *[f for f in UI_FONTS if f in families and f != family]])
        app.setFont(font)


def install_excepthook(window: MainWindow) -> None:
    """An unexpected error is logged and explained; the report is saved for recovery first."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        try:
            report_unexpected(window, kind, error, tb)
        except Exception:  # the handler itself must not fail silently: Python's own hook prints both
            sys.__excepthook__(kind, error, tb)

    sys.excepthook = hook


def report_unexpected(
    window: MainWindow, kind: type[BaseException], error: BaseException, tb: TracebackType | None
) -> None:
    if window.autosaver is not None:
        window.autosaver.write_now()  # first: whatever happens next, the typing is safe
    from ui.logs import log, start_logging  # not at start-up: logging.handlers pulls in socket, pickle…

    log_file = start_logging(data_dir())
    log.error("未处理的异常\n%s", storable("".join(traceback.format_exception(kind, error, tb))))
    QMessageBox.critical(
        window,
        "程序出错",
        f"程序遇到了一个意外的问题：{storable(str(error))}\n\n您的报告已自动保存，可以继续编辑或保存。"
        f"问题详情已记录在 {log_file}，请转告技术支持人员。",
    )


def offer_recovery(window: MainWindow, orphans: list[Recovery], answer: str | None = None) -> bool:
    """Offer each report left by a program that died; True when one was restored.

    `answer` ('restore' / 'discard') stands in for the person's click (scripted runs). A window
    takes one report; the copies of other windows that died stay for the next start, and it says so."""
    for index, recovery in enumerate(orphans):
        choice = answer or ask_recovery(window, recovery)
        if choice == "restore":
            if not window.maybe_save():
                return False
            document = ReportDocument(recovery.report, recovery.source)
            window.set_document(document, unsaved=True)  # the autosaver writes its own copy now
            forget(recovery)
            others = len(orphans) - index - 1
            later = f"；另有 {others} 份其他窗口的自动保存副本，下次启动时再询问" if others else ""
            window.show_status(f"已恢复上次未保存的报告，请及时保存{later}")
            return True
        if choice == "discard":
            forget(recovery)
    return False


def ask_recovery(parent: QWidget, recovery: Recovery) -> str:
    name = recovery.source.name if recovery.source else (recovery.report.title or "未命名报告")
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "恢复未保存的报告",
        f"程序上次没有正常退出。发现“{name}”的自动保存副本（{_when(recovery)}），其中有未保存的修改。\n\n要恢复它吗？",
        parent=parent,
    )
    restore = box.addButton("恢复(&R)", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("不恢复，删除副本(&D)", QMessageBox.ButtonRole.DestructiveRole)
    later = box.addButton("以后再说", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    clicked = box.clickedButton()
    return "restore" if clicked is restore else "later" if clicked is later else "discard"


def _when(recovery: Recovery) -> str:
    return f"{chinese_date(recovery.written.date())} {recovery.written:%H:%M}"


def first_document(argv: list[str]) -> ReportDocument | None:
    """The report named on the command line, read before the window is built (built once only)."""
    if not argv or format_of(argv[0]) is not NATIVE:
        return None  # nothing, or an import: MainWindow.open_path handles those
    path = Path(argv[0])
    try:
        return ReportDocument(read_report(path), path.resolve())
    except ReportFileError:
        return None


def _start_logging(folder: Path) -> None:
    """After the window shows, so that start-up stays quick."""
    from ui.logs import start_logging

    start_logging(folder)


def tell_set_aside(window: MainWindow, set_aside: list[Path]) -> None:
    """Name the damaged recovery copies that were renamed aside (kept, not deleted)."""
    if set_aside:
        names = "、".join(path.name for path in set_aside)
        window.show_status(
            f"有 {len(set_aside)} 份自动保存副本已损坏，无法恢复，已改名保留在 {set_aside[0].parent}：{names}"
        )


def run(argv: list[str]) -> int:
    app = create_application(argv)
    folder = data_dir()
    set_aside: list[Path] = []
    orphans = find_orphans(folder, set_aside)  # before our own recovery file exists
    window = MainWindow(Settings(folder), Autosaver(folder), first_document(argv))
    install_excepthook(window)
    window.show()
    tell_set_aside(window, set_aside)
    if window.document.path is not None:
        window.settings.add_recent(window.document.path)
    elif argv:  # not read yet (an import), or unreadable: open_path says why, over the empty window
        window.open_path(Path(argv[0]), ask=False)
    scripted = automation.schedule(window, orphans, offer_recovery)  # tests and benchmarks only
    QTimer.singleShot(0, lambda: _start_logging(folder))  # after the script's first look, if any
    if orphans and not scripted:
        offer_recovery(window, orphans)
    status = app.exec()
    if window.autosaver is not None:
        window.autosaver.release()
    return status
