"""Settings shared by every test."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

# The scorer's standard library archive (lederskap_build/stdlib.py) takes Node a while to make:
# every course the tests build (many small ones, in temporary folders) shares one cache of it.
os.environ.setdefault("LEDERSKAP_STDLIB_CACHE", str(Path(__file__).resolve().parents[1] / ".pytest_cache" / "stdlib"))

# Property tests check what holds for every input, not how fast inputs are made:
# on a busy two-core CI machine generating them can be slow, which must not fail a run.
settings.register_profile("lederskap", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("lederskap")
