"""Where MkDocs publishes a course's pages: each Markdown file's address relative to the site root."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PurePosixPath


def page_address(page: Path, use_directory_urls: bool) -> str:
    """The address of a Markdown page relative to the site's root, as MkDocs publishes it."""
    path = PurePosixPath(page.as_posix())
    if path.name in ("index.md", "README.md"):
        folder = "" if path.parent.as_posix() == "." else f"{path.parent.as_posix()}/"
        return folder if use_directory_urls else f"{folder}index.html"
    stem = path.with_suffix("")
    return f"{stem.as_posix()}/" if use_directory_urls else f"{stem.as_posix()}.html"


def page_addresses(pages: Iterable[Path], use_directory_urls: bool) -> dict[str, str]:
    """The address of each page, by its file relative to the pages folder (``verktoy/index.md``)."""
    return {page.as_posix(): page_address(page, use_directory_urls) for page in pages}
