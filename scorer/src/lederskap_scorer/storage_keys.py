"""The names under which the browser keeps a learner's data in localStorage.

This is the one definition of the key format: the build writes the prefixes into
the site's ``constants.js`` (:mod:`lederskap_scorer.browser_constants`) for the browser
code (``assets/lederskap/storage-keys.js``), and the tests and the benchmark build keys
with :func:`storage_key`.

Every key of one course on one site starts with its *scope*,
``<prefix><site path>#<course id>/``. A site path (the pathname of the site root,
``/`` or ``/repo/``) never holds ``#``, which would start a URL's fragment, and an id
never holds ``#`` or ``/``, so one scope is never the beginning of another: a site at
``/n/`` with the course ``kurs2`` can never reach the keys of a site at ``/n/kurs2/``
(all GitHub Pages sites of one user share an origin, and so their localStorage).

The first format, ``lederskap/v1<site path><course id>/``, had no delimiter after the
site path; the browser moves such keys into the scope of their site and course.
"""

from __future__ import annotations

STORAGE_KEY_PREFIX = "lederskap/v2:"
"""The beginning of every key of the current format."""
LEGACY_STORAGE_KEY_PREFIX = "lederskap/v1"
"""The beginning of every key of the first format (moved by the browser on a visit)."""
COURSE_NOTES = "_course"
"""The name of the course's own notes under its scope (never a questionnaire id)."""
TEAM_REPLIES = "_team"
"""The name under its scope of the course's opened team replies (``<scope>_team``, ``team-replies.js``)."""
TEAM_KEYS = "_team-keys"
"""The name under its scope of the course's IndexedDB database of team invitation keys
(``<scope>_team-keys``, ``team-keys.js``): the private keys, which localStorage cannot hold."""


def _site_path(site_path: str) -> str:
    path = site_path if site_path.endswith("/") else f"{site_path}/"
    return path if path.startswith("/") else f"/{path}"


def course_scope(site_path: str, course: str) -> str:
    """The beginning of every key of ``course`` on the site at ``site_path``."""
    return f"{STORAGE_KEY_PREFIX}{_site_path(site_path)}#{course}/"


def team_keys_database(site_path: str, course: str) -> str:
    """The name of the IndexedDB database that holds the course's team invitation keys."""
    return f"{course_scope(site_path, course)}{TEAM_KEYS}"


def storage_key(site_path: str, course: str, questionnaire: str) -> str:
    """The key of one questionnaire's record."""
    return f"{course_scope(site_path, course)}{questionnaire}"


def legacy_storage_key(site_path: str, course: str, questionnaire: str) -> str:
    """The key the first format gave a questionnaire's record (for tests of the move)."""
    return f"{LEGACY_STORAGE_KEY_PREFIX}{_site_path(site_path)}{course}/{questionnaire}"


def browser_constants() -> dict[str, str]:
    """What the browser code needs of the format, written into ``constants.js`` as ``constants.storageKeys``."""
    return {
        "prefix": STORAGE_KEY_PREFIX,
        "legacyPrefix": LEGACY_STORAGE_KEY_PREFIX,
        "courseNotes": COURSE_NOTES,
        "teamReplies": TEAM_REPLIES,
        "teamKeys": TEAM_KEYS,
    }
