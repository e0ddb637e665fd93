"""The screens of the review TUI, one per module."""
