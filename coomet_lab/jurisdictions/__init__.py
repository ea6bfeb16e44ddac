"""National legal metrology: what a jurisdiction adds to a certificate."""
