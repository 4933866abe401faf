"""Qt only: the window, its tabs and dialogs, the statutory grids, autosave and printing. It reads,
writes and checks reports through the same public API as a script (model, export)."""
