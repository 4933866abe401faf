"""The editors of the window's form tabs: 基本信息 and the narrative sections."""
