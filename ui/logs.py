"""The app's log: a rotating file in the user's app-data folder (never sent anywhere)."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from model.about import APP_ID, APP_VERSION

LOG_NAME = f"{APP_ID}.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 3

log = logging.getLogger(APP_ID)


def start_logging(folder: Path) -> Path:
    """Log to `folder`/nianbao.log, keeping three older files of at most 1 MB each; returns the path."""
    path = folder / LOG_NAME
    if not any(isinstance(h, RotatingFileHandler) for h in log.handlers):
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
        log.info("程序启动，版本 %s", APP_VERSION)
    return path
