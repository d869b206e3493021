"""Package data: the built-in catalogue entries (metadata only; see README.md)."""

from __future__ import annotations

__all__: list[str] = []
