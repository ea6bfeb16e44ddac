"""The kernel: errors with codes, paths, atomic files, safe XML parsing, the lab's settings."""
