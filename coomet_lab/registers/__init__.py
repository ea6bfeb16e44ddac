"""National registers and export packages: one implementation per register."""
