"""The constants the browser code shares with the scorer, gathered from the modules that define them.

Each is defined once, in the Python module it belongs to; the build writes them into the
site as ``assets/lederskap/constants.js`` (``export const constants = Object.freeze({...})``,
declared in ``types/lederskap/constants.d.ts``), which the page's modules import. So the
record schema the page writes, the export format, the storage keys and the limits the page
holds a learner's input to are the very values the scorer checks, and no module of the page
writes one of them again (``tests/course_build/test_browser_constants.py``).

Build-time only: the browser's scorer never imports this module, so the browser wheel leaves
it out (``lederskap_build/wheel.py``).
"""

from __future__ import annotations

from typing import TypedDict

from . import storage_keys
from .limits import MAX_REPLIES
from .parts.likert import NOT_APPLICABLE
from .records.export_file import EXPORT_FORMAT, EXPORT_FORMAT_VERSION, MAX_EXPORT_CHARS
from .records.file_values import MAX_NAME, TIME_PATTERN
from .records.migration import RECORD_SCHEMA
from .records.team_data import TEAM_SCHEMA
from .schema import ID_PATTERN


class BrowserConstants(TypedDict):
    """``constants.js``; the keys are the JavaScript names (``types/lederskap/constants.d.ts``)."""

    recordSchema: int
    exportFormat: str
    exportFormatVersion: int
    maxImportBytes: int
    maxSnapshotName: int
    maxReplies: int
    teamSchema: int
    idPattern: str
    timePattern: str
    notApplicable: str
    storageKeys: dict[str, str]


def browser_constants() -> BrowserConstants:
    """Every constant the browser code shares with the scorer, by its name in ``constants.js``.

    The patterns are sources of regular expressions that mean the same in Python and
    JavaScript, without anchors: each side matches them against a whole text.
    """
    return {
        "recordSchema": RECORD_SCHEMA,
        "exportFormat": EXPORT_FORMAT,
        "exportFormatVersion": EXPORT_FORMAT_VERSION,
        "maxImportBytes": MAX_EXPORT_CHARS,
        "maxSnapshotName": MAX_NAME,
        "maxReplies": MAX_REPLIES,
        "teamSchema": TEAM_SCHEMA,
        "idPattern": ID_PATTERN.pattern,
        "timePattern": TIME_PATTERN.pattern,
        "notApplicable": NOT_APPLICABLE,
        "storageKeys": storage_keys.browser_constants(),
    }
