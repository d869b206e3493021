"""``python -m dmsummary`` runs the command-line interface."""

from __future__ import annotations

from dmsummary.cli import main

if __name__ == "__main__":
    main()
