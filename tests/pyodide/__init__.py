"""Tests of the built lederskap scorer wheel in real Pyodide under Node."""
