"""Qt models: thin adapters over the core's objects (no copies of the data)."""
