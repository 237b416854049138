"""A YAML mistake is reported on the line where it is, with what to check there, then the parser's own words.

PyYAML often stops a line or more after the mistake (a field name without its ':' is
found out on the next line) and words what it expected in its own terms. Each case
below is a mistake authors make, with the exact message the build gives.
"""

from __future__ import annotations

import pytest
import yaml

from lederskap_build.yaml_source import FAST_LOADER, YamlLoadError, load_yaml

from .conftest import MKDOCS_YML, VALID_FORM, CourseFactory
from .test_validation import problems_of


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        pytest.param(
            "version: 1",
            "version 1",
            "forms/check.yml:2: invalid YAML: check this line for a missing ':' after the field name (write "
            "'name: value'); if the line goes on with the text of the line above, indent it deeper than that "
            "line's field name. The YAML parser says: while scanning a simple key on line 2, column 1: could "
            "not find expected ':' on line 3, column 1",
            id="missing-colon",
        ),
        pytest.param(
            "text: I plan my week",
            "text: Tip: plan your week",
            "forms/check.yml:19: invalid YAML: put a text that contains ': ' in quotes (\"...\"); if this line "
            "starts a field, indent it exactly like the other fields of the same entry. The YAML parser "
            "says: mapping values are not allowed here on line 19, column 22",
            id="colon-in-text",
        ),
        pytest.param(
            "title: A check",
            "title:A check",
            "forms/check.yml:3: invalid YAML: put a space after the ':' that ends the field name on this "
            "line (write 'name: value'). The YAML parser says: while scanning a simple key on line 3, column "
            "1: could not find expected ':' on line 4, column 1",
            id="no-space-after-colon",
        ),
        pytest.param(
            "    title: Statements",
            "\ttitle: Statements",
            "forms/check.yml:13: invalid YAML: this line is indented with a tab; indent with spaces only. "
            "The YAML parser says: while scanning for the next token: found character '\\t' that cannot start "
            "any token on line 13, column 1",
            id="tab",
        ),
        pytest.param(
            "    title: Statements",
            "   title: Statements",
            "forms/check.yml:13: invalid YAML: check the indentation of this line: a field starts exactly "
            "below the other fields of the same entry, and a '- ' exactly below the other '- ' of the same "
            "list. The YAML parser says: while parsing a block collection on line 11, column 3: expected "
            "<block end>, but found '<block mapping start>' on line 13, column 4",
            id="dedented-field",
        ),
        pytest.param(
            "          - id: finishes",
            "          -id: finishes",
            "forms/check.yml:20: invalid YAML: put a space after the '-' that starts this list entry (write "
            "'- id: ...'). The YAML parser says: while parsing a block collection on line 18, column 11: "
            "expected <block end>, but found '?' on line 20, column 11",
            id="dash-without-space",
        ),
        pytest.param(
            "text: I plan my week",
            'text: "I plan my week',
            "forms/check.yml:19: invalid YAML: a text starts with a quote on this line and is never closed; "
            "end it with the same quote. The YAML parser says: while scanning a quoted scalar on line 19, "
            "column 19: found unexpected end of stream on line 22, column 1",
            id="unclosed-quote",
        ),
        pytest.param(
            "text: I plan my week",
            'text: "I plan" my week',
            "forms/check.yml:19: invalid YAML: a text in quotes ends at its closing quote, and nothing may "
            'follow it on the line: put a text that contains \' in double quotes ("..."), and one that '
            "contains \" in single quotes ('...'). The YAML parser says: while parsing a block mapping on "
            "line 18, column 13: expected <block end>, but found '<scalar>' on line 19, column 28",
            id="text-after-quote",
        ),
        pytest.param(
            "title: A check",
            "title: [A check",
            "forms/check.yml:3: invalid YAML: a text that starts with '[' must be in quotes; a list written "
            "as [...] needs a ',' between its entries and a ']' at its end. The YAML parser says: while "
            "parsing a flow sequence on line 3, column 8: expected ',' or ']', but got ':' on line 4, column "
            "6",
            id="unclosed-bracket",
        ),
        pytest.param(
            "text: I plan my week",
            "text: % of my week",
            "forms/check.yml:19: invalid YAML: a text that starts with '%' must be in quotes. The YAML "
            "parser says: while scanning for the next token: found character '%' that cannot start any token "
            "on line 19, column 19",
            id="percent",
        ),
        pytest.param(
            "text: I plan my week",
            "text: *all* of my week",
            "forms/check.yml:19: invalid YAML: a text that starts with '*' must be in quotes. The YAML "
            "parser says: while scanning an alias on line 19, column 19: expected alphabetic or numeric "
            "character, but found '*' on line 19, column 23",
            id="asterisk",
        ),
        pytest.param(
            "parts:\n",
            "---\nparts:\n",
            "forms/check.yml:10: invalid YAML: this line starts a second YAML document, but a file holds "
            "one; remove the line. The YAML parser says: expected a single document in the stream on line 1, "
            "column 1: but found another document on line 10, column 1",
            id="second-document",
        ),
        pytest.param(
            "text: I plan my week",
            "text: I plan\n           my week",
            "forms/check.yml:20: invalid YAML: check the indentation of this line: a text that goes on over "
            "several lines is indented deeper than its field name. The YAML parser says: while parsing a "
            "block collection on line 18, column 11: expected <block end>, but found '<scalar>' on line 20, "
            "column 12",
            id="text-continued-too-little",
        ),
    ],
)
def test_a_yaml_mistake_is_named_on_its_line_with_what_to_check(
    make_course: CourseFactory, old: str, new: str, message: str
) -> None:
    assert old in VALID_FORM
    form = VALID_FORM.replace(old, new, 1)
    assert problems_of(make_course(forms={"check.yml": form})) == [message]


def test_a_yaml_mistake_in_mkdocs_yml_is_named_the_same_way(make_course: CourseFactory) -> None:
    config = MKDOCS_YML.replace("site_dir: site", "site_dir site")
    assert problems_of(make_course(config=config)) == [
        "mkdocs.yml:3: invalid YAML: check this line for a missing ':' after the field name (write "
        "'name: value'); if the line goes on with the text of the line above, indent it deeper than that "
        "line's field name. The YAML parser says: while scanning a simple key on line 3, column 1: could "
        "not find expected ':' on line 4, column 1"
    ]


def test_the_message_does_not_depend_on_libyaml() -> None:
    text = VALID_FORM.replace("    title: Statements", "   title: Statements")
    messages = set()
    for loader in (FAST_LOADER, yaml.SafeLoader):
        with pytest.raises(YamlLoadError) as caught:
            load_yaml(text, "forms/check.yml", loader)
        messages.add(str(caught.value.problem))
    assert len(messages) == 1
