"""Reading YAML while remembering the line of every value, for error messages.

A file is read only within two limits, :data:`MAX_VALUES` and :data:`MAX_NESTING`,
so that no file, however written, makes the build run for hours or overflow the stack.
"""

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


class YamlLoadError(Exception):
    """The file cannot be read: it is not valid YAML, or it is beyond the limits below.

    ``problem`` says where and why.
    """

    def __init__(self, problem: ContentProblem) -> None:
        self.problem = problem
        super().__init__(str(problem))


MAX_VALUES = 200_000
"""The most values (mappings, lists and scalars, each alias counted as all it stands for) one file may hold.

A questionnaire of 5,000 questions (the content limit) has some 50,000, a
mkdocs.yml a few hundred. Everything that reads the data (the line numbers here,
the schema, the checks) walks every value, so without a limit ten lines of aliases
that repeat each other (``&b [*a, *a, ...]``) stand for billions of values and
take hours and gigabytes to read.
"""

MAX_NESTING = 100
"""The deepest a value may be nested (through aliases too). A questionnaire goes 8 levels deep.

Reading nested values is recursive, in PyYAML and here, so a file nested a
thousand levels deep would otherwise end in a Python ``RecursionError``.
"""

FAST_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader where PyYAML was built with it: about ten times faster."""


class _BeyondLimits(Exception):
    """The composed document passes :data:`MAX_VALUES` or :data:`MAX_NESTING`, or an alias contains itself."""


def _parse(text: str, loader_class: type[yaml.SafeLoader]) -> tuple[yaml.Node | None, object]:
    """The node tree (for lines) and the data built from it, parsing the text once."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        if not _within_limits(node):
            raise _BeyondLimits
        return node, loader.construct_document(node)
    finally:
        loader.dispose()


def _within_limits(root: yaml.Node) -> bool:
    """Whether the document, every alias expanded, stays within :data:`MAX_VALUES` and :data:`MAX_NESTING`.

    An alias is the very node of its anchor, so each node is measured once (remembered by
    identity) and the check takes time in proportion to the file, however often aliases
    repeat each other. It works with its own stack, so deep nesting cannot overflow Python's.
    """
    measured: dict[yaml.Node, tuple[int, int]] = {}
    """Each mapping and list measured so far: its values and its levels, every alias in it expanded."""
    started: set[yaml.Node] = set()
    stack: list[tuple[yaml.Node, list[yaml.Node] | None]] = [(root, None)]
    while stack:
        node, children = stack.pop()
        if children is not None:
            values, levels = 1, 1
            for child in children:
                child_values, child_levels = measured.get(child, _SCALAR)
                values += child_values
                levels = max(levels, child_levels + 1)
            if values > MAX_VALUES or levels > MAX_NESTING:
                return False
            measured[node] = (values, levels)
        elif node in started:
            if node not in measured:
                return False  # reached from inside itself: an alias within its own anchor
        elif not isinstance(node, yaml.ScalarNode):
            started.add(node)
            children = _children(node)
            stack.append((node, children))
            stack.extend((child, None) for child in children if not isinstance(child, yaml.ScalarNode))
    return True


_SCALAR = (1, 1)
"""A scalar's values and levels."""


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return list(node.value)


def load_yaml(
    text: str, file: str, loader: type[yaml.SafeLoader] = FAST_LOADER
) -> tuple[YamlDocument, list[ContentProblem]]:
    """Parse ``text``; also report keys given twice in one mapping, which YAML would silently merge.

    Errors are always described by PyYAML's own parser, so that messages are the same
    with or without libyaml. A file beyond :data:`MAX_VALUES` or :data:`MAX_NESTING` is refused
    with a problem on the line where it passes the limit.
    """
    try:
        node, data = _load(text, file, loader)
    except yaml.YAMLError:
        try:
            node, data = _load(text, file, yaml.SafeLoader if loader is FAST_LOADER else loader)
        except yaml.MarkedYAMLError as error:
            raise YamlLoadError(_syntax_problem(error, file)) from error
        except yaml.YAMLError as error:
            raise YamlLoadError(ContentProblem(file, 0, "", f"invalid YAML: {error}")) from error
    lines: dict[str, int] = {}
    duplicates: list[ContentProblem] = []
    if node is not None:
        _collect_lines(node, "", lines, duplicates, file, set())
    return YamlDocument(file, data, lines), duplicates


def _load(text: str, file: str, loader_class: type[yaml.SafeLoader]) -> tuple[yaml.Node | None, object]:
    """:func:`_parse`, with a document beyond the limits (or too deep for PyYAML's recursion) as a problem."""
    try:
        return _parse(text, loader_class)
    except (_BeyondLimits, RecursionError):
        raise YamlLoadError(_where_beyond_limits(text, file, loader_class)) from None


@dataclass
class _Open:
    """A mapping or list being read in :func:`_where_beyond_limits`."""

    anchor: str | None
    values_before: int
    level: int
    deepest: int


def _where_beyond_limits(text: str, file: str, loader_class: type[yaml.SafeLoader]) -> ContentProblem:
    """The problem of a document beyond the limits, on the line where it passes them.

    It replays the parser's events, which come one at a time from a parser with its own
    stack, counting values and levels as :func:`_within_limits` does, aliases expanded by the
    size of their anchors, so that it finds the place in time proportional to the file.
    """
    sizes: dict[str, tuple[int, int]] = {}
    """Each anchor read so far: its values and its levels."""
    aliases: list[str] = []
    values = 0
    open_values: list[_Open] = []
    for event in yaml.parse(text, Loader=loader_class):
        line = event.start_mark.line + 1 if event.start_mark else 0
        level = len(open_values) + 1
        if isinstance(event, yaml.AliasEvent):
            anchor = str(event.anchor)
            if any(o.anchor == anchor for o in open_values):
                return ContentProblem(
                    file,
                    line,
                    "",
                    f"the alias '*{anchor}' is inside the value it stands for, which would repeat without end; "
                    "write the values out",
                )
            size, levels = sizes.get(anchor, (1, 1))
            values += size
            reached = level + levels - 1
            if anchor not in aliases:
                aliases.append(anchor)
        elif isinstance(event, yaml.ScalarEvent):
            values += 1
            reached = level
            if event.anchor is not None:
                sizes[event.anchor] = (1, 1)
        elif isinstance(event, yaml.CollectionStartEvent):
            values += 1
            reached = level
            open_values.append(_Open(event.anchor, values - 1, level, level))
        elif isinstance(event, yaml.CollectionEndEvent):
            closed = open_values.pop()
            if closed.anchor is not None:
                sizes[closed.anchor] = (values - closed.values_before, closed.deepest - closed.level + 1)
            if open_values:
                open_values[-1].deepest = max(open_values[-1].deepest, closed.deepest)
            continue
        else:
            continue
        if open_values:
            open_values[-1].deepest = max(open_values[-1].deepest, reached)
        if reached > MAX_NESTING:
            return ContentProblem(
                file, line, "", f"expected at most {MAX_NESTING} levels of nesting, but the values here go deeper"
            )
        if values > MAX_VALUES:
            return ContentProblem(file, line, "", _too_many_values(aliases))
    return ContentProblem(file, 1, "", "the YAML is nested too deeply to read")


def _too_many_values(aliases: list[str]) -> str:
    if not aliases:
        return f"expected at most {MAX_VALUES:,} values in one file, but there are more"
    shown = ", ".join(f"'*{name}'" for name in aliases[:5]) + (", ..." if len(aliases) > 5 else "")
    return (
        f"the YAML expands to more than {MAX_VALUES:,} values (through repeated aliases {shown}); "
        "write the values out or use fewer aliases"
    )


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
    node: yaml.Node,
    path: str,
    lines: dict[str, int],
    duplicates: list[ContentProblem],
    file: str,
    expanded: set[yaml.Node],
) -> None:
    """Record the line of ``path`` and of every path inside it.

    A node repeated through aliases is expanded once only (an alias is the very node of its
    anchor): the places inside a later repetition get the line of the repetition itself.
    """
    lines.setdefault(path, node.start_mark.line + 1)
    if node in expanded:
        return
    expanded.add(node)
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
            _collect_lines(value_node, child, lines, duplicates, file, expanded)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect_lines(item, join_path(path, index), lines, duplicates, file, expanded)
