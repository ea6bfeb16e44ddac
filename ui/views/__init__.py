"""The editors and browsers of the main window: Qt views over the core's objects, calling the use cases in
coomet_lab.app."""
