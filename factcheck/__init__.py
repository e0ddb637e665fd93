"""factcheck: track check-worthy claims across news outlets and review them."""

__version__ = "0.1.0"
