"""The rules the window checks with: the national rules, or a local rules file chosen under
检查 → 地方检查规则… and remembered in the settings (docs/checks.md)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from model import NATIONAL, ReportFileError, Rules, load_rules
from ui.messages import for_clerk
from ui.settings import Settings

RULES_FILE_KEY = "check/rules_file"
RULES_FILTER = "检查规则文件 (*.toml *.json)"


class CheckRules:
    """Holds the rules in use; `apply` is told whenever they change."""

    def __init__(
        self, parent: QWidget, settings: Settings, apply: Callable[[Rules], None], status: Callable[[str], None]
    ) -> None:
        self._parent = parent
        self._settings = settings
        self._apply = apply
        self._status = status
        self.rules = self._saved()

    def _saved(self) -> Rules:
        """The remembered rules file, or the national rules when none is, or it no longer reads."""
        path = self._settings.text(RULES_FILE_KEY, "")
        if not path:
            return NATIONAL
        try:
            return load_rules(path)
        except ReportFileError:
            return NATIONAL

    def fill_menu(self, menu: QMenu) -> None:
        menu.addAction("地方检查规则(&R)…", self.choose)
        menu.addAction("恢复全国通用规则(&N)", self.use_national)

    def choose(self) -> None:
        folder = str(Path(self._settings.text(RULES_FILE_KEY, "")).parent) if self.rules is not NATIONAL else ""
        name, _filter = QFileDialog.getOpenFileName(self._parent, "选择地方检查规则文件", folder, RULES_FILTER)
        if not name:
            return
        try:
            rules = load_rules(name)
        except ReportFileError as error:
            QMessageBox.warning(self._parent, "地方检查规则", f"无法采用该规则文件：{for_clerk(str(error))}")
            return
        self._settings.set(RULES_FILE_KEY, name)
        self._use(rules, f"检查采用：{rules.name}")

    def use_national(self) -> None:
        self._settings.set(RULES_FILE_KEY, "")
        self._use(NATIONAL, f"检查采用：{NATIONAL.name}")

    def _use(self, rules: Rules, message: str) -> None:
        self.rules = rules
        self._apply(rules)
        self._status(message)
