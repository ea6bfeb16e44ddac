"""Quantities: exact numbers as typed, units (D-SI, UCUM, as people write them), uncertainty."""
