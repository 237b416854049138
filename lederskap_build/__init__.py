"""lederskap_build: validate a course (Markdown pages and questionnaire files) and build its site."""

__version__ = "0.1.0"
