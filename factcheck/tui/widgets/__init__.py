"""The widgets of the review TUI, one major widget per module."""
