"""Reading YAML while remembering the line of every value, for error messages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import yaml
from lederskap_scorer.schema import join_path

from .errors import ContentProblem


@dataclass(frozen=True)
class YamlDocument:
    """Plain data read from one YAML file, with the 1-based line of each path in it."""

    file: str
    data: object
    lines: Mapping[str, int] = field(default_factory=dict)

    def line_of(self, path: str) -> int:
        """The line of ``path``, or of its nearest enclosing value that exists in the file."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return 1
            cut = max(path.rfind("."), path.rfind("["))
            path = path[: max(cut, 0)]

    def problem(self, where: str, message: str) -> ContentProblem:
        return ContentProblem(self.file, self.line_of(where), where, message)


class YamlSyntaxError(Exception):
    """The file is not valid YAML; ``problem`` says where and why."""

    def __init__(self, problem: ContentProblem) -> None:
        self.problem = problem
        super().__init__(str(problem))


FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader where PyYAML was built with it: about ten times faster."""


def _parse(text: str, loader_class: type[yaml.SafeLoader]) -> tuple[yaml.Node | None, object]:
    """The node tree (for lines) and the data built from it, parsing the text once."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def load_yaml(
    text: str, file: str, loader: type[yaml.SafeLoader] = FAST_LOADER
) -> tuple[YamlDocument, list[ContentProblem]]:
    """Parse ``text``; also report keys given twice in one mapping, which YAML would silently merge.

    Errors are always described by PyYAML's own parser, so that messages are the same
    with or without libyaml.
    """
    try:
        node, data = _parse(text, loader)
    except yaml.YAMLError:
        try:
            node, data = _parse(text, yaml.SafeLoader if loader is FAST_LOADER else loader)
        except yaml.MarkedYAMLError as error:
            raise YamlSyntaxError(_syntax_problem(error, file)) from error
        except yaml.YAMLError as error:
            raise YamlSyntaxError(ContentProblem(file, 0, "", f"invalid YAML: {error}")) from error
    lines: dict[str, int] = {}
    duplicates: list[ContentProblem] = []
    if node is not None:
        _collect_lines(node, "", lines, duplicates, file)
    return YamlDocument(file, data, lines), duplicates


def _syntax_problem(error: yaml.MarkedYAMLError, file: str) -> ContentProblem:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else 0
    message = f"invalid YAML: {error.problem or error.context or 'unreadable'}"
    if mark:
        message += f" (column {mark.column + 1})"
        start = error.context_mark
        if error.context and error.problem_mark and start and start.line != mark.line:
            message += f", {error.context} that starts on line {start.line + 1}"
    return ContentProblem(file, line, "", message)


def _collect_lines(
    node: yaml.Node, path: str, lines: dict[str, int], duplicates: list[ContentProblem], file: str
) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            child = join_path(path, key)
            if key in seen:
                duplicates.append(
                    ContentProblem(file, key_node.start_mark.line + 1, child, f"the key '{key}' is given twice")
                )
                continue
            seen.add(key)
            lines[child] = key_node.start_mark.line + 1
            _collect_lines(value_node, child, lines, duplicates, file)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect_lines(item, join_path(path, index), lines, duplicates, file)
