"""Reading and writing an mkdocs.yml while keeping MkDocs' own tags (``!ENV``, ``!!python/name:``).

A tagged value is read as :class:`Tagged` and written back with the same tag,
so the copies the benchmark writes stay what MkDocs would read in the original.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml


@dataclass(frozen=True)
class Tagged:
    """A value with a YAML tag the safe loader does not know, kept as written."""

    tag: str
    value: Any


class _Loader(yaml.SafeLoader):
    """The safe loader, with unknown tags read as :class:`Tagged`."""


class _Dumper(yaml.SafeDumper):
    """The safe dumper, writing :class:`Tagged` with its tag."""


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
    tag = node.tag
    if isinstance(node, yaml.SequenceNode):
        return Tagged(tag, loader.construct_sequence(node, deep=True))
    if isinstance(node, yaml.MappingNode):
        return Tagged(tag, loader.construct_mapping(node, deep=True))
    return Tagged(tag, loader.construct_scalar(node))  # type: ignore[arg-type]


def _represent_tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value, flow_style=True)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_Loader.add_multi_constructor("!", _construct_tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)
_Dumper.add_representer(Tagged, _represent_tagged)


def load_mkdocs_yml(text: str) -> dict[str, Any]:
    """The settings of an mkdocs.yml, tags kept."""
    data = yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader that only keeps unknown tags as data
    if not isinstance(data, dict):
        raise ValueError("expected mkdocs.yml to hold a mapping of settings")
    return data


def dump_mkdocs_yml(settings: dict[str, Any]) -> str:
    """Settings as mkdocs.yml text, tags restored."""
    return yaml.dump(settings, Dumper=_Dumper, sort_keys=False, allow_unicode=True)
