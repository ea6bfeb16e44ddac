"""Editing a certificate: form fields, value tables, building blocks."""
