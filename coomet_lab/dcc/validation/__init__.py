"""Offline validation: the pinned schema store, XSD by schemaVersion, semantic rules."""
