"""COOMET Lab desktop application: Qt (PySide6) adapters over the ``coomet_lab`` core."""
