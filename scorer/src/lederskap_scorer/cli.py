"""``lederskap-score DEFINITION.json ANSWERS.json [--language nb|en] [--json]``.

Scores a file of answers against a questionnaire definition (the JSON the
build writes) and prints the results: readable text by default, the results
JSON (``scorer/RESULTS.md``) with ``--json``.

Exit status: 0 when scored and every answer fitted; 1 when scored but some
answers did not fit (they are listed in the output); 2 when the files or the
command line cannot be used (a message on standard error says which file and
what was expected).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .api import DefinitionError, questionnaire_from_data, results_json
from .format import LANGUAGES
from .json_text import json_error_text, load_json
from .model import Questionnaire
from .schema import describe
from .scoring import score_answers
from .text_report import render_text

PROG = "lederskap-score"

EXIT_OK = 0
EXIT_ANSWER_PROBLEMS = 1
EXIT_BAD_INPUT = 2


class InputError(Exception):
    """A file given on the command line cannot be used; the message names the file and what was expected."""


def _read_json(path: Path, what: str) -> object:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path}: expected {what} in JSON, but the file is not UTF-8 text") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read the file ({error.strerror or error})") from None
    try:
        data = load_json(text)
    except ValueError as error:
        raise InputError(f"{path}: expected {what} in JSON, but the file is {json_error_text(error)}") from None
    return data


def _read_definition(path: Path) -> Questionnaire:
    data = _read_json(path, "a questionnaire definition")
    try:
        return questionnaire_from_data(data)
    except DefinitionError as error:
        count = len(error.problems)
        found = "1 problem" if count == 1 else f"{count} problems"
        details = "".join(f"\n  {problem}" for problem in error.problems)
        raise InputError(f"{path}: expected a questionnaire definition, but found {found}:{details}") from None


def _read_answers(path: Path) -> dict[str, object]:
    data = _read_json(path, "answers")
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected a JSON object of answers keyed by question id, but got {describe(data)}")
    return data


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Score a learner's answers against a lederskap questionnaire definition.",
        epilog="Exit status: 0 scored, 1 scored but some answers did not fit (listed), 2 unusable input.",
    )
    parser.add_argument("definition", metavar="DEFINITION.json", type=Path, help="the questionnaire as JSON")
    parser.add_argument("answers", metavar="ANSWERS.json", type=Path, help="the answers as a JSON object by id")
    parser.add_argument("--language", choices=LANGUAGES, default="nb", help="language of texts and numbers")
    parser.add_argument("--json", action="store_true", help="print the results JSON instead of text")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser


def _write(text: str) -> None:
    """Write to standard output, escaping what its encoding cannot hold instead of failing."""
    encoding = sys.stdout.encoding or "utf-8"
    sys.stdout.write(text.encode(encoding, "backslashreplace").decode(encoding))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default: the process's arguments); return the exit status."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_request:  # argparse exits for --help, --version and usage errors
        return exit_request.code if isinstance(exit_request.code, int) else EXIT_BAD_INPUT
    try:
        q = _read_definition(args.definition)
        answers = _read_answers(args.answers)
    except InputError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    results = score_answers(q, answers, args.language)
    _write(results_json(results, indent=2) + "\n" if args.json else render_text(results))
    return EXIT_ANSWER_PROBLEMS if results.problems else EXIT_OK
