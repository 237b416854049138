"""Tests of the benchmark's own code (``bench/``): what decides a verdict and what counts bytes, never timings."""
