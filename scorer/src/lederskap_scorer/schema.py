"""Declarative parsing of plain data (from YAML or JSON) into frozen dataclasses.

The dataclasses in :mod:`lederskap_scorer.model` *are* the schema: their
field names, type hints and defaults say what is allowed. :func:`parse` walks
them and collects every problem it finds instead of stopping at the first,
each with the path of the offending value (``parts[0].dimensions[1].items[3].text``)
and one sentence saying what was expected and what was given.

Supported type hints: ``str``, ``int``, ``float``, ``bool``, :data:`Id`,
``Literal[...]`` of strings, ``X | None``, ``tuple[X, ...]``, dataclasses, and
unions of dataclasses that each have a ``type: Literal["..."]`` field (a
tagged union, chosen by the ``type`` key of the data).
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, NewType, TypeGuard, TypeVar, Union, get_args, get_origin, get_type_hints

Id = NewType("Id", str)
"""An author-written identifier: lowercase letters, digits, ``-`` and ``_``."""

ID_PATTERN = re.compile(r"[a-z0-9](?:[a-z0-9_-]{0,62}[a-z0-9])?")
"""The form of an :data:`Id`, matched against a whole text (:func:`is_id`). Its source means the
same to JavaScript, which gets it as ``constants.idPattern`` (:mod:`lederskap_scorer.browser_constants`)
for the keys of localStorage (``storage-keys.js``)."""

T = TypeVar("T")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, at ``path`` (empty for the top level).

    ``earlier`` is the path of the value this one repeats (the first use of a duplicate id),
    so that whoever reports the problem can say where that is: this module's text says
    ``(already used at <path>)``, the build names its line too.
    """

    path: str
    message: str
    earlier: str | None = None

    def __str__(self) -> str:
        message = f"{self.message} (already used at {self.earlier})" if self.earlier else self.message
        return f"{self.path}: {message}" if self.path else message


class SchemaError(ValueError):
    """Raised by :func:`parse` with every :class:`Problem` found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def join_path(base: str, key: str | int) -> str:
    """Extend a path with a field name or a list index."""
    if isinstance(key, int):
        return f"{base}[{key}]"
    return f"{base}.{key}" if base else key


_PATH_STEP = re.compile(r"\.?(?P<name>[^.\[]+)|\[(?P<index>\d+)\]")


def readable_path(data: object, path: str, id_counts: dict[int, Counter[object]] | None = None) -> str:
    """``path`` as an author reads it: each list entry that has an id named by it, not by its position.

    ``parts[0].dimensions[1].items[3].text`` becomes ``parts[ratings].dimensions[trust].items[hide-mistakes].text``
    when those entries of ``data`` have those ids. An entry keeps its position (counted from 0)
    when it has no id of the right form, or shares its id with another entry of its list, so
    that the path still names one entry. Parts of the path not found in ``data`` are kept as they are.
    ``id_counts`` keeps the ids of each list counted between calls on the same ``data``.
    """
    counts = {} if id_counts is None else id_counts
    out: list[str] = []
    position = 0
    current: object = data
    while position < len(path):
        step = _PATH_STEP.match(path, position)
        if step is None:
            break
        position = step.end()
        if step["index"] is None:
            name = step["name"]
            out.append(f".{name}" if out else name)
            current = current.get(name) if isinstance(current, Mapping) else None
            continue
        index = int(step["index"])
        siblings = current if isinstance(current, list | tuple) else ()
        current = siblings[index] if index < len(siblings) else None
        entry_id = current.get("id") if isinstance(current, Mapping) else None
        named = is_id(entry_id) and _ids_in(siblings, counts)[entry_id] == 1
        out.append(f"[{entry_id}]" if named else f"[{index}]")
    return "".join(out) + path[position:]


def _ids_in(entries: list[object] | tuple[object, ...], counts: dict[int, Counter[object]]) -> Counter[object]:
    """How often each id occurs among ``entries``, counted once per list (remembered in ``counts``)."""
    if id(entries) not in counts:
        counts[id(entries)] = Counter(e.get("id") for e in entries if isinstance(e, Mapping))
    return counts[id(entries)]


def describe(value: object) -> str:
    """Name the kind of a plain value in words an author understands."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"a yes/no value ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"a text ({shown!r})"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, Mapping):
        return "a mapping"
    return f"a {type(value).__name__}"


def parse(cls: type[T], data: object, path: str = "") -> T:
    """Build ``cls`` from ``data`` or raise :class:`SchemaError` listing every problem."""
    problems: list[Problem] = []
    result = _parse_value(cls, data, path, problems)
    if problems:
        raise SchemaError(problems)
    return typing.cast(T, result)


_MISSING = object()


def _parse_value(hint: Any, data: object, path: str, problems: list[Problem]) -> Any:
    origin = get_origin(hint)
    if origin in (Union, types.UnionType):
        return _parse_union(hint, data, path, problems)
    if origin is Literal:
        allowed = get_args(hint)
        if data not in allowed or isinstance(data, bool):
            choices = ", ".join(repr(a) for a in allowed)
            problems.append(Problem(path, f"expected one of {choices}, but {describe(data)} was given"))
            return _MISSING
        return data
    if origin is tuple:
        return _parse_tuple(hint, data, path, problems)
    if hint is Id:
        return _parse_id(data, path, problems)
    if hint is str:
        if not isinstance(data, str):
            problems.append(Problem(path, f"expected a text, but {describe(data)} was given"))
            return _MISSING
        return data
    if hint is bool:
        if not isinstance(data, bool):
            problems.append(Problem(path, f"expected true or false, but {describe(data)} was given"))
            return _MISSING
        return data
    if hint is int:
        if isinstance(data, bool) or not isinstance(data, int):
            problems.append(Problem(path, f"expected a whole number, but {describe(data)} was given"))
            return _MISSING
        return data
    if hint is float:
        if isinstance(data, bool) or not isinstance(data, int | float):
            problems.append(Problem(path, f"expected a number, but {describe(data)} was given"))
            return _MISSING
        return float(data)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return _parse_dataclass(hint, data, path, problems)
    raise TypeError(f"unsupported type hint in the content model: {hint!r}")


def is_id(value: object) -> TypeGuard[str]:
    """Whether ``value`` is a text of the form of an :data:`Id` (:data:`ID_PATTERN`)."""
    return isinstance(value, str) and ID_PATTERN.fullmatch(value) is not None


def _parse_id(data: object, path: str, problems: list[Problem]) -> Any:
    if not is_id(data):
        problems.append(
            Problem(
                path,
                "expected an id of lowercase letters, digits, '-' and '_' "
                f"(at most 64, starting and ending with a letter or digit), but {describe(data)} was given",
            )
        )
        return _MISSING
    return Id(data)


def _parse_tuple(hint: Any, data: object, path: str, problems: list[Problem]) -> Any:
    args = get_args(hint)
    if len(args) != 2 or args[1] is not Ellipsis:
        raise TypeError(f"only tuple[X, ...] is supported in the content model, not {hint!r}")
    if not isinstance(data, list | tuple):
        problems.append(Problem(path, f"expected a list, but {describe(data)} was given"))
        return _MISSING
    return tuple(_parse_value(args[0], item, join_path(path, i), problems) for i, item in enumerate(data))


def _parse_union(hint: Any, data: object, path: str, problems: list[Problem]) -> Any:
    args = [a for a in get_args(hint) if a is not type(None)]
    if data is None and len(args) < len(get_args(hint)):
        return None
    if len(args) == 1:
        return _parse_value(args[0], data, path, problems)
    variants = {_type_tag(a): a for a in args}
    choices = ", ".join(repr(tag) for tag in variants)
    if not isinstance(data, Mapping):
        problems.append(Problem(path, f"expected a mapping, but {describe(data)} was given"))
        return _MISSING
    tag = data.get("type", _MISSING)
    if tag is _MISSING:
        problems.append(Problem(path, f"missing required field 'type' (one of {choices})"))
        return _MISSING
    if not isinstance(tag, str) or tag not in variants:
        problems.append(Problem(join_path(path, "type"), f"expected one of {choices}, but {describe(tag)} was given"))
        return _MISSING
    return _parse_value(variants[tag], data, path, problems)


def _type_tag(cls: Any) -> str:
    tag_hint = _fields_and_hints(cls)[1].get("type") if dataclasses.is_dataclass(cls) else None
    if get_origin(tag_hint) is not Literal:
        raise TypeError(f"union members must be dataclasses with a type: Literal[...] field, not {cls!r}")
    (tag,) = get_args(tag_hint)
    return str(tag)


_FieldsAndHints = tuple[dict[str, dataclasses.Field[Any]], dict[str, Any]]
_class_info: dict[object, _FieldsAndHints] = {}


def _fields_and_hints(cls: Any) -> _FieldsAndHints:
    """A dataclass's fields and resolved type hints (resolving them is slow; a class never changes)."""
    if cls not in _class_info:
        _class_info[cls] = ({f.name: f for f in dataclasses.fields(cls)}, get_type_hints(cls))
    return _class_info[cls]


def _parse_dataclass(cls: type[Any], data: object, path: str, problems: list[Problem]) -> Any:
    if not isinstance(data, Mapping):
        problems.append(Problem(path, f"expected a mapping, but {describe(data)} was given"))
        return _MISSING
    fields, hints = _fields_and_hints(cls)
    for key in data:
        if key not in fields:
            known = ", ".join(fields)
            problems.append(Problem(join_path(path, str(key)), f"unknown field '{key}' (expected one of: {known})"))
    values: dict[str, Any] = {}
    failed = False
    for name, field in fields.items():
        field_path = join_path(path, name)
        has_default = field.default is not dataclasses.MISSING or field.default_factory is not dataclasses.MISSING
        if name not in data or (data[name] is None and has_default):
            if not has_default:
                problems.append(Problem(field_path, f"missing required field '{name}'{_choices(hints[name])}"))
                failed = True
            continue
        value = _parse_value(hints[name], data[name], field_path, problems)
        if value is _MISSING:
            failed = True
            continue
        if hints[name] is str and not has_default and not value.strip():
            problems.append(Problem(field_path, "expected a non-empty text, but an empty text was given"))
            failed = True
            continue
        values[name] = value
    if failed:
        return _MISSING
    return cls(**values)


def _choices(hint: Any) -> str:
    """For a missing field of a few fixed values, `` (one of ...)`` listing them; else nothing."""
    if get_origin(hint) is not Literal:
        return ""
    return " (one of " + ", ".join(repr(a) for a in get_args(hint)) + ")"


def dump(value: object) -> Any:
    """Turn a model value back into plain JSON-ready data (the inverse of :func:`parse`).

    Fields left at their default are kept, so the browser gets the complete model.
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: dump(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [dump(v) for v in value]
    return value
