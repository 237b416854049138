"""The browser modules of a course's site, written alone into a folder, for the JavaScript unit tests.

``python -m lederskap_build.dev_assets FOLDER [-f mkdocs.yml]``

Our browser modules import ``./build-info.js``, ``./messages.js`` and ``./constants.js``,
which only the build writes. This writes every JavaScript module of ``assets/lederskap/``
exactly as ``lederskap build`` puts it into the course's site (:func:`.generate.plan_outputs`):
our modules (without their comment lines) and the three generated ones, at their paths
in the site (``FOLDER/assets/lederskap/...``). Nothing else is written: no pages, no
Pyodide runtime, no wheel (its name is in ``build-info.js``, so it is built, or taken
from its cache, as for a build). ``make jscheck`` runs ``node --test`` on them
(``tests/js/``).

FOLDER must be empty or absent: nothing already there is ever written over or removed.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from .course import load_course
from .errors import BuildError, ContentError, SetupError
from .generate import ASSETS_PREFIX, plan_outputs


def write_browser_modules(config_file: Path, folder: Path) -> list[str]:
    """Write the browser modules of the course of ``config_file`` into ``folder``; return their paths in the site."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise SetupError(f"{folder} must be an empty folder or not exist: the browser modules are written into it")
    outputs = plan_outputs(load_course(config_file))
    written = []
    for name, output in sorted(outputs.items()):
        if not (name.startswith(f"{ASSETS_PREFIX}/") and name.endswith(".js")):
            continue
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if output.content is not None:
            path.write_bytes(output.content)
        elif output.source is not None:
            shutil.copyfile(output.source, path)
        written.append(name)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m lederskap_build.dev_assets",
        description="Write the JavaScript modules of the course's site, generated ones included, into FOLDER "
        "(for the JavaScript unit tests).",
    )
    parser.add_argument("folder", type=Path, help="an empty or new folder")
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="the course's mkdocs.yml")
    args = parser.parse_args(argv)
    try:
        written = write_browser_modules(args.config_file, args.folder)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{len(written)} browser modules written into {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
