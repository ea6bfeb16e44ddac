"""The ``coomet-lab`` command line: a thin layer over the core's API."""
