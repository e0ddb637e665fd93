"""The Textual review application."""
