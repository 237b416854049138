"""Tests of the lederskap scorer under CPython."""
