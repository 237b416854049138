"""Placement lines: each works where it is written, or the build says why it would not.

A ``::questionnaire`` or ``::my-results`` line works at the start of a line of its own.
Indented (in a box or an indented code block), after a list marker or after a quote
marker, Markdown would show it as text: that is an error on its line. In a fenced code
block (at any indentation) or an HTML comment it is left alone, as an example or a
placement commented out. A questionnaire is placed on one page; one on no page is a warning.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from lederskap_build.cli import main
from lederskap_build.course import load_course
from lederskap_build.pages import replace_placements

from ..courses import copy_embedded_course, copy_english_course
from .conftest import VALID_FORM, CourseFactory
from .test_validation import problems_of

PLACEMENT = '::questionnaire{id="check"}'
FIX = "write it at the start of a line of its own, outside boxes, lists and quotes"


@pytest.mark.parametrize(
    ("page", "message"),
    [
        pytest.param(
            f'# Test\n\n!!! note "Fill it in"\n\n    {PLACEMENT}\n',
            f"docs/index.md:5: '{PLACEMENT}' is indented, so Markdown would show it as text, "
            f"not as the questionnaire; {FIX}",
            id="in-a-box",
        ),
        pytest.param(
            f"# Test\n\nSome text.\n\n  {PLACEMENT}\n",
            f"docs/index.md:5: '{PLACEMENT}' is indented, so Markdown would show it as text, "
            f"not as the questionnaire; {FIX}",
            id="indented-by-two",
        ),
        pytest.param(
            f"# Test\n\n- Step one\n- {PLACEMENT}\n",
            f"docs/index.md:4: '{PLACEMENT}' is in a list, so Markdown would show it as text, "
            f"not as the questionnaire; {FIX}",
            id="list-item",
        ),
        pytest.param(
            f"# Test\n\n1. Step one\n\n    {PLACEMENT}\n",
            f"docs/index.md:5: '{PLACEMENT}' is indented, so Markdown would show it as text, "
            f"not as the questionnaire; {FIX}",
            id="under-a-numbered-item",
        ),
        pytest.param(
            f"# Test\n\n> {PLACEMENT}\n",
            f"docs/index.md:3: '{PLACEMENT}' is in a quote, so Markdown would show it as text, "
            f"not as the questionnaire; {FIX}",
            id="quote",
        ),
        pytest.param(
            f"# Test\n\n{PLACEMENT}\n\n\t::my-results\n",
            "docs/index.md:5: '::my-results' is indented, so Markdown would show it as text, "
            f"not as the learner's results; {FIX}",
            id="my-results-after-a-tab",
        ),
        pytest.param(
            f"# Test\n\n{PLACEMENT}\n\n> - ::my-results\n",
            "docs/index.md:5: '::my-results' is in a quote, so Markdown would show it as text, "
            f"not as the learner's results; {FIX}",
            id="my-results-in-a-list-in-a-quote",
        ),
        pytest.param(
            "# Test\n\n    ::questionnaire check\n",
            "docs/index.md:3: '::questionnaire check' is indented, so Markdown would show it as text, "
            f"not as the questionnaire; {FIX}",
            id="malformed-and-indented",
        ),
    ],
)
def test_a_placement_markdown_would_show_as_text_is_an_error(
    make_course: CourseFactory, page: str, message: str
) -> None:
    assert problems_of(make_course(pages={"index.md": page})) == [message]


EXAMPLES_LEFT_ALONE = f"""\
# Test

{PLACEMENT}

```markdown
{PLACEMENT}
```

!!! example "How to place a questionnaire"

    ```markdown
    ::questionnaire{{id="another"}}
    ```

- In a list:

  ~~~~
  ::my-results
  ~~~~

<!--
::questionnaire{{id="not-yet"}}
-->
"""


def test_placements_in_fenced_code_and_comments_are_left_alone(make_course: CourseFactory) -> None:
    course = load_course(make_course(pages={"index.md": EXAMPLES_LEFT_ALONE}))
    assert course.warnings == ()
    generated = replace_placements(EXAMPLES_LEFT_ALONE, lambda questionnaire_id: f"<form {questionnaire_id}>")
    assert generated.count("<form check>") == 1
    assert generated.replace("\n\n<form check>\n\n", f"\n{PLACEMENT}\n") == EXAMPLES_LEFT_ALONE


def test_a_fence_that_is_never_closed_is_no_code_block(make_course: CourseFactory) -> None:
    """Python-Markdown shows such a fence as text, and the lines after it as usual."""
    page = f"# Test\n\n```\n\n{PLACEMENT}\n\n    ::my-results\n"
    assert problems_of(make_course(pages={"index.md": page})) == [
        "docs/index.md:7: '::my-results' is indented, so Markdown would show it as text, "
        f"not as the learner's results; {FIX}"
    ]


def test_a_questionnaire_on_two_pages_is_an_error(make_course: CourseFactory) -> None:
    pages = {"index.md": f"# Test\n\n{PLACEMENT}\n", "again.md": f"# Again\n\n{PLACEMENT}\n"}
    assert problems_of(make_course(pages=pages)) == [
        "docs/index.md:3: the questionnaire 'check' is already placed on docs/again.md:3; "
        "place it on one page and link to that page from the others"
    ]


def test_a_questionnaire_on_no_page_is_a_warning(
    make_course: CourseFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = VALID_FORM.replace("id: check", "id: extra")
    config = make_course(forms={"check.yml": VALID_FORM, "extra.yml": extra})
    assert [str(w) for w in load_course(config).warnings] == [
        "forms/extra.yml:1: the questionnaire 'extra' is placed on no page, so learners cannot answer it; "
        'place it with a line ::questionnaire{id="extra"} on a page'
    ]
    assert main(["check", "-f", str(config)]) == 0
    assert capsys.readouterr().err == (
        "The course has 1 warning:\n"
        "  forms/extra.yml:1: the questionnaire 'extra' is placed on no page, so learners cannot answer it; "
        'place it with a line ::questionnaire{id="extra"} on a page\n'
    )


@pytest.mark.parametrize("copy", [copy_embedded_course, copy_english_course], ids=["embedded", "english"])
def test_the_courses_place_every_questionnaire_once(copy: Callable[[Path], Path], tmp_path: Path) -> None:
    """No error (none on two pages, no line Markdown would swallow) and no warning (none on no page)."""
    assert load_course(copy(tmp_path / "course")).warnings == ()


def test_the_build_lists_warnings_and_goes_on(make_course: CourseFactory, capsys: pytest.CaptureFixture[str]) -> None:
    extra = VALID_FORM.replace("id: check", "id: extra")
    config = make_course(forms={"check.yml": VALID_FORM, "extra.yml": extra})
    assert main(["build", "-f", str(config)]) == 0
    output = capsys.readouterr()
    assert output.err == (
        "The course has 1 warning:\n"
        "  forms/extra.yml:1: the questionnaire 'extra' is placed on no page, so learners cannot answer it; "
        'place it with a line ::questionnaire{id="extra"} on a page\n'
    )
    assert output.out.startswith("Built 1 pages with 2 questionnaires into ")
