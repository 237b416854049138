"""The content limits of a questionnaire: one named constant each, checked by the model's checks.

Each is far beyond what a learner fills in, and is there so that a mistake (a text
pasted a thousand times, a generated file gone wrong) is reported instead of making
pages that no browser can use. AUTHORING.md ("Limits") states every one of them.
"""

from __future__ import annotations

MAX_QUESTIONS = 5_000
"""Questions (likert items, text fields, checklists and their summaries, allocation rows,
choice questions) in one questionnaire.

Each is rendered into the page and has its place in the learner's record in
localStorage, which browsers cap at about 5 MB for a whole site (all courses of a
github.io user share it). A long survey has a few hundred questions.
"""

MAX_TEXT_LENGTH = 10_000
"""Characters in any one text of a questionnaire (a title, an intro, a statement, a label, ...).

About four pages of reading: texts are shown as plain text in the form and sent again
in its definition, so longer ones belong on the course page around the form.
"""

MAX_OPTIONS = 200
"""Options of one checklist or one choice question: each is a box or a button the learner
reads, and a list longer than this cannot be read."""

MAX_COLUMNS = 20
"""Columns of one allocation: every row has a number field per column, side by side on the screen."""

MAX_SCALE_POINTS = 11
"""Points of the likert scale (0 to 10 is the widest in common use): every statement has a radio button per point."""

MAX_TEXT_ROWS = 30
"""The height of a text box, in lines."""

MIN_REPLIES = 3
"""The fewest replies a team result shows a dimension's mean with (``min_replies``, 3 unless the author
asks for more): with one or two, the inviter would see what one person answered, or could tell it from
their own knowledge of the other. Not a content limit: a promise to the people who reply."""

MAX_REPLIES = 200
"""Replies in one team result: a team, a group on a programme; each one is a record the inviter keeps,
decrypted and scored on their device."""
