"""The single source of the application's version number."""

__version__ = "0.1.0"
