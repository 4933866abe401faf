"""The app's name and version: one place, read by pyproject, the About dialog and the frozen build."""

APP_ID = "nianbao"
APP_NAME = "政府信息公开年报编写"
APP_VERSION = "0.1.0"
