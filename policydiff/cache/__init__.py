"""Derived facts kept between runs: a key -> value store that knows nothing of them."""

from __future__ import annotations

from policydiff.cache.store import CACHE_DIR, CACHE_FILE, KeyValueStore, cache_path_for

__all__ = ["CACHE_DIR", "CACHE_FILE", "KeyValueStore", "cache_path_for"]
