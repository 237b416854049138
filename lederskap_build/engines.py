"""The engines that can build the site from the generated folder, and what the build needs to know of each.

A course chooses one in mkdocs.yml (``extra.lederskap.engine``, :mod:`.config`); ``lederskap build
--engine`` and ``serve --engine`` override it for one run (:mod:`.cli`). Both read the same
mkdocs.yml, the same generated folder and the same theme layer (:mod:`.theme_layer`, whose
templates render under Jinja2 and MiniJinja alike):

* ``mkdocs``: MkDocs with Material for MkDocs, ``mkdocs build --strict`` (:mod:`.site`).
* ``zensical``: Zensical, Material's successor, ``python -m zensical build --strict``
  (:mod:`.zensical_engine`), an optional dependency of the tool pinned to the version
  the tests run (:data:`ZENSICAL_REQUIREMENT`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, get_args

Engine = Literal["mkdocs", "zensical"]
ENGINES: tuple[Engine, ...] = get_args(Engine)
DEFAULT_ENGINE: Engine = "mkdocs"

ZENSICAL_VERSION = "0.0.73"
"""The Zensical the tests build with. Later versions (0.0.74, 0.1) need a package of its user interface,
``zensical-ui``, that is not on every package index yet; their templates and output may differ too."""
ZENSICAL_REQUIREMENT = f"zensical=={ZENSICAL_VERSION}"

SEARCH_INDEX: Mapping[Engine, str] = {"mkdocs": "search/search_index.json", "zensical": "search.json"}
"""Where each engine writes the site's search index (kept for offline use, :mod:`.generate`)."""
