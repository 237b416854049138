"""The learner's stored records and export files: migrating old records, checking an import.

Formats (documented for people in ``scorer/RECORDS.md``):

* a **record** is what the browser keeps in localStorage for one questionnaire:
  ``{schema, course, questionnaire, version, updated, answers, snapshots}``.
  Every schema keeps ``answers`` as an object keyed by answer id, so the page
  can fill in its form from a record of any known schema without Python; the
  upgrade to the current schema runs here, through the scorer worker, once
  Python is ready (:mod:`.migration`).
* an **export file** holds every questionnaire's answers and snapshots of one
  course (:mod:`.export_file`).
* an **import plan** says, before anything changes, whether a file can be
  imported and what importing it would change, with the records to write for each
  of the two ways of importing, merge and replace (:mod:`.import_plan`).

There is one rule for "does this value fit this question": the scorer's
(:func:`lederskap_scorer.scoring.check_answers`). An import is refused when a
value has a type that no version of its question could have written (a yes/no
value for a likert item, an object for a text, ...); a value of the right type
that does not fit (out of the scale, over an allocation's total, an option the
questionnaire no longer has) is imported and kept, exactly like such a value in
a stored record: the form ignores it, the scorer ignores it, the learner is told
(:mod:`.file_values`). A number JavaScript cannot hold exactly is refused
wherever it is: the page would store another value in its place. An entry of a
file's snapshots that is not a snapshot the page can show (the page exports every
entry as stored) is imported and kept exactly as it is, never shown, within the
same bounds (:mod:`.snapshot_entries`).

Plain data only (decoded JSON); nothing here raises on what a file contains.

The modules, each using only those above it:

* :mod:`.migration` -- the record schema, reading a stored record, upgrading it;
* :mod:`.problems` -- the problems found in a file, each a code with its path and values;
* :mod:`.file_values` -- the values of a file: times, whole numbers, sizes, numbers
  JavaScript holds, and an answers object checked by the scorer's rule;
* :mod:`.snapshot_entries` -- a list of snapshots, sorted into those the page can show
  and the entries kept as they are;
* :mod:`.export_file` -- the export file format: reading a file and checking its form;
* :mod:`.import_plan` -- what the page knows (:class:`~.import_plan.ImportContext`)
  and the plan of importing a file into it.

A file is checked by hand-written steps here, not by :func:`lederskap_scorer.schema.parse`
as a questionnaire is: an import's problems are codes that the page words (with the
values its message needs), the steps come in an order that matters (the format and its
version before the fields, since a newer format may have fields this one does not), and
answers and snapshot entries are kept exactly as they are, not turned into dataclasses.
"""
