"""DCC XML: reading, writing, schema store, validation, semantic rules and upgrades."""
