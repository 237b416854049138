"""Reading YAML while remembering the line of every value, for error messages.

A file is read only within two limits, :data:`MAX_VALUES` and :data:`MAX_NESTING`,
so that no file, however written, makes the build run for hours or overflow the stack.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

import yaml
from lederskap_scorer.schema import Problem, join_path, readable_path

from .errors import ContentProblem


@dataclass(frozen=True)
class YamlDocument:
    """Plain data read from one YAML file, with the 1-based line of each path in it."""

    file: str
    data: object
    lines: Mapping[str, int] = field(default_factory=dict)
    _id_counts: dict[int, Counter[object]] = field(default_factory=dict, compare=False, repr=False)
    """For :func:`~lederskap_scorer.schema.readable_path`: the ids of each list of ``data``, counted once."""

    def line_of(self, path: str) -> int:
        """The line of ``path``, or of its nearest enclosing value that exists in the file."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return 1
            cut = max(path.rfind("."), path.rfind("["))
            path = path[: max(cut, 0)]

    def readable(self, path: str) -> str:
        """``path`` with each list entry named by its id where it has one (``items[plans]``, not ``items[0]``)."""
        return readable_path(self.data, path, self._id_counts)

    def problem(self, where: str, message: str, earlier: str | None = None) -> ContentProblem:
        """The problem at the path ``where``, on its line; ``earlier`` is the path of the value it repeats."""
        if earlier is not None:
            message = f"{message} (already used on line {self.line_of(earlier)}, at {self.readable(earlier)})"
        return ContentProblem(self.file, self.line_of(where), self.readable(where), message)

    def schema_problem(self, problem: Problem) -> ContentProblem:
        """A problem the content model found in this file's data, on its line."""
        return self.problem(problem.path, problem.message, problem.earlier)


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

Reading nested values is recursive, in PyYAML and here, so a file nested a thousand levels
deep would otherwise end in a Python ``RecursionError`` (see :func:`_load`).
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
            raise YamlLoadError(_syntax_problem(error, file, text)) from error
        except yaml.YAMLError as error:
            raise YamlLoadError(ContentProblem(file, 0, "", f"invalid YAML: {error}")) from error
    lines: dict[str, int] = {}
    duplicates: list[_KeyGivenTwice] = []
    if node is not None:
        _collect_lines(node, "", lines, duplicates, set())
    document = YamlDocument(file, data, lines)
    return document, [
        ContentProblem(
            file,
            again.line,
            document.readable(again.path),
            f"the key '{again.key}' is given twice (first on line {document.line_of(again.path)})",
        )
        for again in duplicates
    ]


@dataclass(frozen=True)
class _KeyGivenTwice:
    """A key given a second time in one mapping (at ``path``, which holds the first), on ``line``."""

    path: str
    key: str
    line: int


_C_PARSER: type | None = getattr(yaml, "CParser", None)


def _load(text: str, file: str, loader_class: type[yaml.SafeLoader]) -> tuple[yaml.Node | None, object]:
    """:func:`_parse`, with a document beyond the limits as a problem.

    PyYAML's own composer (not libyaml's) calls itself once per level. For it the limits are
    checked first, on the parser's events, which come from a parser with a stack of its own
    (:func:`_where_beyond_limits`): Python's stack must never go a thousand calls deep. There,
    not only the composer fails with a ``RecursionError``, but any finalizer the garbage
    collector happens to run meanwhile, where no one can catch it (it once failed the test suite).
    """
    if _C_PARSER is None or not issubclass(loader_class, _C_PARSER):
        beyond = _where_beyond_limits(text, file, loader_class)
        if beyond is not None:
            raise YamlLoadError(beyond)
    try:
        return _parse(text, loader_class)
    except _BeyondLimits:
        beyond = _where_beyond_limits(text, file, loader_class)
        raise YamlLoadError(beyond or ContentProblem(file, 1, "", "the YAML is nested too deeply to read")) from None


@dataclass
class _Open:
    """A mapping or list being read in :func:`_where_beyond_limits`."""

    anchor: str | None
    values_before: int
    level: int
    deepest: int


def _where_beyond_limits(text: str, file: str, loader_class: type[yaml.SafeLoader]) -> ContentProblem | None:
    """The problem of a document beyond the limits, on the line where it passes them; None within them.

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
    return None


def _too_many_values(aliases: list[str]) -> str:
    if not aliases:
        return f"expected at most {MAX_VALUES:,} values in one file, but there are more"
    shown = ", ".join(f"'*{name}'" for name in aliases[:5]) + (", ..." if len(aliases) > 5 else "")
    return (
        f"the YAML expands to more than {MAX_VALUES:,} values (through repeated aliases {shown}); "
        "write the values out or use fewer aliases"
    )


@dataclass(frozen=True)
class _Hint:
    """What to tell an author about one kind of YAML parser error.

    It applies when the parser's problem and context start with ``problem`` and ``context``
    (empty: any). ``on_context_line`` says that the mistake is where the parser's context
    starts (where a key or a quoted text began), not where the parser stopped, which is often
    a line or more later. ``advice`` may name the character the parser found as ``{char}``.
    """

    problem: str
    context: str
    on_context_line: bool
    advice: str


_INDENTATION = (
    "check the indentation of this line: a field starts exactly below the other fields of the same entry, "
    "and a '- ' exactly below the other '- ' of the same list"
)

_HINTS: tuple[_Hint, ...] = (
    _Hint(
        "could not find expected ':'",
        "",
        True,
        "check this line for a missing ':' after the field name (write 'name: value'); if the line goes on "
        "with the text of the line above, indent it deeper than that line's field name",
    ),
    _Hint(
        "mapping values are not allowed here",
        "",
        False,
        "put a text that contains ': ' in quotes (\"...\"); if this line starts a field, indent it exactly "
        "like the other fields of the same entry",
    ),
    _Hint(
        "expected <block end>, but found '<scalar>'",
        "",
        False,
        "check the indentation of this line: a text that goes on over several lines is indented deeper "
        "than its field name",
    ),
    _Hint("expected <block end>", "", False, _INDENTATION),
    _Hint("did not find expected key", "", False, _INDENTATION),
    _Hint("did not find expected '-' indicator", "", False, _INDENTATION),
    _Hint(
        "found unexpected end of stream",
        "while scanning a quoted scalar",
        True,
        "a text starts with a quote on this line and is never closed; end it with the same quote",
    ),
    _Hint(
        "found unknown escape character",
        "",
        False,
        "a '\\' in a text in double quotes starts an escape; put the text in single quotes instead, "
        "or write '\\\\' for a backslash",
    ),
    _Hint(
        "",
        "while parsing a flow sequence",
        True,
        "a text that starts with '[' must be in quotes; a list written as [...] needs a ',' between its "
        "entries and a ']' at its end",
    ),
    _Hint(
        "",
        "while parsing a flow mapping",
        True,
        "a text that starts with '{' must be in quotes; in {...}, put a text that contains ': ' or ',' in "
        "quotes, and end it with '}'",
    ),
    _Hint(
        "",
        "while parsing a flow node",
        False,
        "a text that starts with '[' or '{' must be in quotes; a list written as [...] needs its ']', "
        "and a mapping written as {...} its '}'",
    ),
    _Hint(
        "found character",
        "while scanning for the next token",
        False,
        "a text that starts with {char} must be in quotes",
    ),
    _Hint("", "while scanning an alias", True, "a text that starts with '*' must be in quotes"),
    _Hint("found undefined alias", "", False, "a text that starts with '*' must be in quotes"),
    _Hint("", "while scanning an anchor", True, "a text that starts with '&' must be in quotes"),
    _Hint("", "while scanning a directive", True, "a text that starts with '%' must be in quotes"),
    _Hint("could not determine a constructor for the tag", "", False, "a text that starts with '!' must be in quotes"),
    _Hint(
        "",
        "while scanning a block scalar",
        True,
        "a text that starts with '|' or '>' must be in quotes; to write a text over several lines, put '>-' "
        "alone after the field name and the text on the lines below it, indented",
    ),
    _Hint(
        "but found another document",
        "",
        False,
        "this line starts a second YAML document, but a file holds one; remove the line",
    ),
)

_TAB = "this line is indented with a tab; indent with spaces only"
_SPACE_AFTER_COLON = "put a space after the ':' that ends the field name on this line (write 'name: value')"
_SPACE_AFTER_DASH = "put a space after the '-' that starts this list entry (write '- id: ...')"
_QUOTE_ENDS_TEXT = (
    "a text in quotes ends at its closing quote, and nothing may follow it on the line: put a text that "
    "contains ' in double quotes (\"...\"), and one that contains \" in single quotes ('...')"
)
_DOCUMENT_ENDS = "this line ends the YAML document, but a file holds one document; remove the line"
_ANYTHING = (
    "check this line and the one above it: the indentation (spaces, never tabs), a ': ' after each field "
    "name, and quotes around a text that contains ': ' or starts with a sign such as [ { * & ! | > % @"
)
_NAME_WITHOUT_SPACE = re.compile(r"^[ \t]*(?:- +)?[^\s:#'\"]+:[^\s:]")
"""A line that starts a field with no space after its ':' (``title:A check``), which YAML reads as text."""
_DASH_WITHOUT_SPACE = re.compile(r"^[ \t]*-[^\s-]")


def _syntax_problem(error: yaml.MarkedYAMLError, file: str, text: str) -> ContentProblem:
    """A YAML syntax error on the line of the mistake, with what to check there and then the parser's own words."""
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return ContentProblem(file, 0, "", f"invalid YAML: {_ANYTHING}. The YAML parser says: {_parser_words(error)}")
    line, advice = _where_and_what(error, mark, text.splitlines())
    return ContentProblem(file, line + 1, "", f"invalid YAML: {advice}. The YAML parser says: {_parser_words(error)}")


def _where_and_what(error: yaml.MarkedYAMLError, mark: yaml.Mark, lines: list[str]) -> tuple[int, str]:
    """The 0-based line of the mistake and what to check there."""
    problem, context = error.problem or "", error.context or ""
    line = mark.line
    if line >= len(lines):  # the parser reached the end of the file: the mistake is on the last line
        line = _line_above(lines, len(lines)) or 0
    here = lines[line] if line < len(lines) else ""
    if "\t" in here[: len(here) - len(here.lstrip())] or "'\\t'" in problem or "tab character" in problem:
        return line, _TAB
    if problem.startswith("mapping values are not allowed here"):
        above = _line_above(lines, line)
        if above is not None and _NAME_WITHOUT_SPACE.match(lines[above]):
            return above, _SPACE_AFTER_COLON
    if problem.startswith("could not find expected ':'") and error.context_mark is not None:
        start = error.context_mark.line
        if start < len(lines) and _NAME_WITHOUT_SPACE.match(lines[start]):
            return start, _SPACE_AFTER_COLON
    if problem.startswith("expected <block end>"):
        if _DASH_WITHOUT_SPACE.match(here):
            return line, _SPACE_AFTER_DASH
        if problem.endswith("'<scalar>'") and ('"' in here[: mark.column] or "'" in here[: mark.column]):
            return line, _QUOTE_ENDS_TEXT
    if problem.startswith("expected '<document start>'"):
        above = _line_above(lines, line)
        if above is not None and lines[above].rstrip() in ("...", "---"):
            return above, _DOCUMENT_ENDS
    for hint in _HINTS:
        if problem.startswith(hint.problem) and context.startswith(hint.context):
            if hint.on_context_line and error.context_mark is not None:
                line = error.context_mark.line
            found = re.search(r"'(.+?)'", problem)
            return line, hint.advice.replace("{char}", found[0] if found else "that sign")
    return line, _ANYTHING


def _line_above(lines: list[str], line: int) -> int | None:
    """The nearest line above ``line`` that is not empty or a comment."""
    for above in range(min(line, len(lines)) - 1, -1, -1):
        stripped = lines[above].strip()
        if stripped and not stripped.startswith("#"):
            return above
    return None


def _parser_words(error: yaml.MarkedYAMLError) -> str:
    """PyYAML's own description of the error, with the places it names."""
    words = []
    if error.context:
        words.append(error.context + _place(error.context_mark))
    words.append((error.problem or "the file cannot be read") + _place(error.problem_mark))
    return ": ".join(words)


def _place(mark: yaml.Mark | None) -> str:
    return f" on line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""


def _collect_lines(
    node: yaml.Node,
    path: str,
    lines: dict[str, int],
    duplicates: list[_KeyGivenTwice],
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
                duplicates.append(_KeyGivenTwice(child, key, key_node.start_mark.line + 1))
                continue
            seen.add(key)
            lines[child] = key_node.start_mark.line + 1
            _collect_lines(value_node, child, lines, duplicates, expanded)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect_lines(item, join_path(path, index), lines, duplicates, expanded)
