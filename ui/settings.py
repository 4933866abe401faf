"""Where the app keeps its own data, and what it remembers between runs: recent files, folders,
export choices. Stored in an INI file in the user's app-data folder (NIANBAO_DATA_DIR overrides it)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from model.about import APP_ID

DATA_DIR_VARIABLE = "NIANBAO_DATA_DIR"
MAX_RECENT = 8


def data_dir() -> Path:
    """The per-user folder for settings, the recovery file and the log (created on first use)."""
    override = os.environ.get(DATA_DIR_VARIABLE)
    if override:
        folder = Path(override)
    else:
        from platformdirs import user_data_dir

        folder = Path(user_data_dir(APP_ID, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Settings:
    def __init__(self, folder: Path | None = None) -> None:
        self._store = QSettings(str((folder or data_dir()) / "settings.ini"), QSettings.Format.IniFormat)

    def recent_files(self) -> list[Path]:
        raw = self._store.value("recent_files", [])
        names = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, list) else []
        return [Path(n) for n in names if n]

    def add_recent(self, path: Path) -> None:
        resolved = path.resolve()
        recent = [resolved, *[p for p in self.recent_files() if p != resolved]][:MAX_RECENT]
        self._store.setValue("recent_files", [str(p) for p in recent])

    def remove_recent(self, path: Path) -> None:
        """Forget a file, named as it was opened (relative or not): the list holds resolved paths."""
        resolved = path.resolve()
        self._store.setValue("recent_files", [str(p) for p in self.recent_files() if p != resolved])

    def last_folder(self) -> str:
        return str(self._store.value("last_folder", str(Path.home())))

    def set_last_folder(self, path: Path) -> None:
        self._store.setValue("last_folder", str(path.parent))

    def text(self, key: str, default: str) -> str:
        return str(self._store.value(key, default))

    def flag(self, key: str, default: bool = False) -> bool:
        value = self._store.value(key, default)
        return value in (True, "true", "1") if not isinstance(value, bool) else value

    def set(self, key: str, value: str | bool) -> None:
        self._store.setValue(key, value)

    def geometry(self) -> QByteArray | None:
        """Where and how large the window was when it was last closed (QWidget.saveGeometry)."""
        value = self._store.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_geometry(self, geometry: QByteArray) -> None:
        self._store.setValue("window/geometry", geometry)

    def sync(self) -> None:
        self._store.sync()
