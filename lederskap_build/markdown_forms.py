"""An optional Python-Markdown extension that passes rendered questionnaires through untouched.

The build writes each rendered questionnaire into the generated Markdown between
two marker comments (see :func:`lederskap_build.pages.wrap_rendered`). Without this extension,
Markdown reads that block as ordinary raw HTML, which is correct but slow for
large forms: the HTML is tokenised tag by tag. With it, listed in mkdocs.yml as

    markdown_extensions:
      - lederskap_build.markdown_forms

the block goes straight into Markdown's store of raw HTML and comes out
unchanged. It is a plain Markdown extension, not a MkDocs plugin: the
generated pages remain what any MkDocs-compatible builder reads.
"""

from __future__ import annotations

from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from .pages import RENDERED_BEGIN as BEGIN
from .pages import RENDERED_END as END


class _StashRendered(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        block: list[str] | None = None
        for line in lines:
            if block is None:
                if line == BEGIN:
                    block = []
                else:
                    out.append(line)
            elif line == END:
                out += ["", self.md.htmlStash.store("\n".join(block)), ""]
                block = None
            else:
                block.append(line)
        if block is not None:  # no end marker: leave the text as it was
            out += [BEGIN, *block]
        return out


class RenderedFormsExtension(Extension):
    """Registers the preprocessor before Markdown's own raw-HTML handling."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_StashRendered(md), "lederskap_rendered", 25)


def makeExtension(**kwargs: Any) -> RenderedFormsExtension:
    return RenderedFormsExtension(**kwargs)
