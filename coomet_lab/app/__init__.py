"""The use cases the command line and the desktop both call."""
