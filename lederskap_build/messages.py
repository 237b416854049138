"""The interface text catalogue, as the build uses it.

The catalogue (``lederskap_scorer/messages/<language>.json``) lives in the scorer's
package, with the codes its words are for: the results carry codes and values, and
the page and the command line word them from the same catalogue
(:mod:`lederskap_scorer.catalogue`). The build uses it for the forms it renders and
writes the chosen language's messages into the site as ``messages.js`` for the
browser code, so both read the same words. The browser wheel does not carry it.
"""

from __future__ import annotations

from lederskap_scorer.catalogue import LANGUAGES, Messages, load_messages

__all__ = ["LANGUAGES", "Messages", "load_messages"]
