"""The use cases the command line and the desktop both call."""

import coomet_lab.jurisdictions  # noqa: F401 (registers the national twin forms wherever the app renders)
