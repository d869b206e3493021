"""Command-line interface (placeholder, filled in by the catalogue commit)."""

from __future__ import annotations


def main() -> None:
    """Run the command-line interface."""
