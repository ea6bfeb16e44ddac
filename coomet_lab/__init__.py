"""COOMET Lab domain core: certificates, units, DCC XML, validation, signing, repository.

This package never imports Qt or the ``ui`` package (enforced by an import-linter contract and a test).
"""

from coomet_lab._version import __version__

__all__ = ["__version__"]
