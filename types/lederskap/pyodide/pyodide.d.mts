// The Pyodide runtime the build copies into assets/lederskap/pyodide/ from the npm
// package "pyodide" (lederskap_build/generate.py, PYODIDE_FILES): its types are the package's.
export * from "pyodide";
