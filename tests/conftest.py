"""Settings shared by every test."""

from __future__ import annotations

from hypothesis import HealthCheck, settings

# Property tests check what holds for every input, not how fast inputs are made:
# on a busy two-core CI machine generating them can be slow, which must not fail a run.
settings.register_profile("lederskap", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("lederskap")
