"""Leaving the comments of our browser code out of the site.

Our ES modules are written to be read, with a comment at the head of every
module and above most functions; the learner's browser downloads every byte of
them. The build drops the lines that are only a comment (``// ...``) and the
documentation blocks (``/** ... */``) that start a line, and nothing else: code
is never rewritten, there is no bundling and no renaming, so what runs is what
is in the repository, line for line. A comment after code on the same line and
any line inside a multi-line template literal are kept as they are.
"""

from __future__ import annotations

import re

_COMMENT_LINE = re.compile(r"^\s*//")
_BLOCK_START = re.compile(r"^\s*/\*")
_UNESCAPED_BACKTICK = re.compile(r"(?<!\\)`")


def strip_comment_lines(source: str) -> str:
    """``source`` without its whole-line comments and its comment blocks that start a line."""
    kept: list[str] = []
    in_template = False
    in_block = False
    for line in source.splitlines(keepends=True):
        if in_block:
            if "*/" in line:
                in_block = False
                rest = line.split("*/", 1)[1]
                if rest.strip():
                    kept.append(rest)
            continue
        if not in_template:
            if _COMMENT_LINE.match(line):
                continue
            if _BLOCK_START.match(line):
                after = line.split("/*", 1)[1]
                if "*/" not in after:
                    in_block = True
                    continue
                rest = after.split("*/", 1)[1]
                if not rest.strip():
                    continue
        kept.append(line)
        if len(_UNESCAPED_BACKTICK.findall(line)) % 2 == 1:
            in_template = not in_template
    return "".join(kept)
