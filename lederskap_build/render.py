"""Rendering a questionnaire to static, accessible HTML.

The form works before any script runs, and without scripts: native
``fieldset``/``legend`` groups, radio buttons whose accessible names carry the
scale value and its label, real ``label`` elements, ``textarea``s,
checkboxes and number inputs. The browser code finds everything through
``lsk-`` classes and ``data-lsk-*`` attributes holding the author's ids (see
ARCHITECTURE.md, "The questionnaire HTML contract").

What the tool writes around the author's text (the scale's names, legend and end
labels, hints, the privacy and noscript lines, the status sentence, the "Fjern svar"
buttons, placeholders) carries
``data-search-exclude``, so that Material's search finds the statements and never
the form's chrome. Material's parser ends an excluded element at the first end tag
of the same name, so an excluded element never contains an element of its own tag
(``tests/course_build/test_search_and_toc.py`` checks both). The headings marked
``data-lsk-toc`` (the form's title, each part's title, each results heading) are
listed in the page's table of contents (:mod:`lederskap_build.markdown_forms`).
"""

from __future__ import annotations

import json
from typing import assert_never

from lederskap_scorer.model import Questionnaire
from lederskap_scorer.parts import AllocationPart, ChecklistPart, ChoicePart, LikertPart, Part, TextField, TextPart
from lederskap_scorer.parts.choice import ChoiceQuestion, is_scored
from lederskap_scorer.parts.likert import NOT_APPLICABLE, Dimension, Item
from lederskap_scorer.scale import Scale
from lederskap_scorer.schema import dump

from .html import Markup, element, fragment
from .messages import Messages
from .rich_text import NO_LINKS, Links, block_html, inline_html
from .status_line import Waiting, status_line


def definition_json(questionnaire: Questionnaire) -> str:
    """The questionnaire as the JSON the browser's scorer reads.

    It travels in the form's ``data-lsk-definition`` attribute: not in a
    ``<script type="application/json">``, which Material's instant navigation
    would re-insert as a plain script and run.
    """
    return json.dumps(dump(questionnaire), ensure_ascii=False, separators=(",", ":"))


class _Renderer:
    def __init__(self, questionnaire: Questionnaire, course: str, messages: Messages, page: str, links: Links) -> None:
        self.q = questionnaire
        self.course = course
        self.t = messages
        self.page = page
        """The address of the page the form is on, relative to the site root (for its links)."""
        self.links = links

    def blocks(self, text: str, css_class: str) -> Markup:
        """An author's text that allows block Markdown (an intro, a description), as HTML."""
        return block_html(text, css_class, self.page, self.links)

    def inline(self, text: str) -> Markup:
        """An author's text that allows inline Markdown (a hint, an option), as HTML."""
        return inline_html(text, self.page, self.links)

    def html_id(self, *names: str | int) -> str:
        return "-".join(["lsk", self.q.id, *(str(n) for n in names)])

    def render(self) -> Markup:
        q = self.q
        title_id = self.html_id("title")
        return element(
            "form",
            {
                "class": "lsk-questionnaire",
                "id": self.html_id(),
                "data-lsk-course": self.course,
                "data-lsk-questionnaire": q.id,
                "data-lsk-version": q.version,
                "data-lsk-language": self.t.language,
                "data-lsk-definition": definition_json(q),
                "aria-labelledby": title_id,
                "action": "#",
                "method": "get",
                "novalidate": True,
                # The browser restores nothing into the form: what is in it when the script mounts
                # it, the learner gave meanwhile (record-sync.js keeps it).
                "autocomplete": "off",
            },
            element("h2", {"class": "lsk-title", "id": title_id, "data-lsk-toc": True}, q.title),
            element("p", {"class": "lsk-source"}, self.t("form.source", source=q.source)) if q.source else None,
            self.blocks(q.intro, "lsk-intro") if q.intro else None,
            element("p", {"class": "lsk-privacy", "data-search-exclude": True}, self.t("form.privacy")),
            element(
                "noscript",
                {"data-search-exclude": True},
                element("p", {"class": "lsk-noscript"}, self.t("form.noscript")),
            ),
            status_line(self.t, Waiting.ANSWERS if any(shows_results(part) for part in q.parts) else None),
            self.scale_names(q.scale) if q.scale and q.likert_parts() else None,
            *(self.part(part) for part in q.parts),
        )

    def part(self, part: Part) -> Markup:
        """A part's HTML, and after it the container of its results when it has any."""
        return fragment(self.body(part), self.results(part.id) if shows_results(part) else None)

    def body(self, part: Part) -> Markup:
        match part:
            case LikertPart():
                return self.likert(part)
            case TextPart():
                return self.text_part(part)
            case ChecklistPart():
                return self.checklist(part)
            case AllocationPart():
                return self.allocation(part)
            case ChoicePart():
                return self.choice(part)
            case _:
                assert_never(part)

    def section(self, part: Part, *children: str | None) -> Markup:
        title_id = self.html_id(part.id, "title")
        return element(
            "section",
            {
                "class": f"lsk-part lsk-part--{part.type}",
                "data-lsk-part": part.id,
                "data-lsk-part-type": part.type,
                "aria-labelledby": title_id,
            },
            element("h3", {"class": "lsk-part-title", "id": title_id, "data-lsk-toc": True}, part.title),
            self.blocks(part.intro, "lsk-intro") if part.intro else None,
            *children,
        )

    def likert(self, part: LikertPart) -> Markup:
        scale = self.q.scale
        assert scale is not None, "checked by check_questionnaire"
        # The scale's words one point a line, not run together in one sentence.
        points = [self.t("form.scale_point", value=label.value, text=label.text) for label in scale.labels]
        legend = element(
            "div",
            {"class": "lsk-scale-legend", "data-search-exclude": True},
            element("p", {}, self.t("form.scale_range", min=scale.min, max=scale.max)),
            element("ul", {"class": "lsk-scale-points"}, *(element("li", {}, point) for point in points))
            if points
            else None,
            element("p", {}, self.t("form.scale_not_applicable", text=scale.not_applicable))
            if scale.not_applicable is not None
            else None,
        )
        return self.section(
            part,
            legend,
            *(self.dimension(dimension, scale) for dimension in part.dimensions),
        )

    def dimension(self, dimension: Dimension, scale: Scale) -> Markup:
        title_id = self.html_id(dimension.id, "title")
        return element(
            "section",
            {"class": "lsk-dimension", "data-lsk-dimension": dimension.id, "aria-labelledby": title_id},
            element("h4", {"class": "lsk-dimension-title", "id": title_id}, dimension.title),
            self.blocks(dimension.description, "lsk-intro") if dimension.description else None,
            *(self.item(item, scale) for item in dimension.items),
        )

    def scale_names(self, scale: Scale) -> Markup:
        """The spoken name of each scale point ("2 av 5, I liten grad:"), written once per form.

        Every radio's accessible name joins one of these to its statement (``aria-labelledby``),
        so the page does not repeat them for every statement.
        """
        labels = {label.value: label.text for label in scale.labels}
        names = []
        for value in range(scale.min, scale.max + 1):
            label = labels.get(value)
            name = (
                self.t("form.radio_name_labelled", value=value, max=scale.max, label=label)
                if label
                else self.t("form.radio_name", value=value, max=scale.max)
            )
            names.append(element("span", {"id": self.html_id("scale", value)}, f"{name}:"))
        if scale.not_applicable is not None:
            names.append(element("span", {"id": self.html_id("scale", NOT_APPLICABLE)}, f"{scale.not_applicable}:"))
        return element("div", {"class": "lsk-scale-names", "hidden": True, "data-search-exclude": True}, *names)

    def item(self, item: Item, scale: Scale) -> Markup:
        """One statement: a fieldset whose radios are named by their scale point and the statement.

        The statement is written once, in the legend; a radio's accessible name is
        "2 av 5, I liten grad: <statement>". The scale is left out of the search index.
        """
        labels = {label.value: label.text for label in scale.labels}
        legend_id = self.html_id(item.id, "text")
        hint_id = self.html_id(item.id, "hint") if item.hint else None
        choices = []
        for value in range(scale.min, scale.max + 1):
            input_id = self.html_id(item.id, value)
            choices.append(
                element(
                    "span",
                    {"class": "lsk-choice"},
                    element(
                        "input",
                        {
                            "type": "radio",
                            "id": input_id,
                            "name": item.id,
                            "value": value,
                            "class": "lsk-radio",
                            "aria-labelledby": f"{self.html_id('scale', value)} {legend_id}",
                            "aria-describedby": hint_id,
                        },
                    ),
                    element("label", {"for": input_id, "aria-hidden": "true"}, str(value)),
                )
            )
        ends = element(
            "span",
            {"class": "lsk-scale-ends", "aria-hidden": "true"},
            element("span", {}, labels.get(scale.min, "")),
            element("span", {}, labels.get(scale.max, "")),
        )
        not_applicable = (
            self.not_applicable_choice(item, scale.not_applicable, legend_id, hint_id)
            if scale.not_applicable is not None
            else None
        )
        return element(
            "fieldset",
            {"class": "lsk-item", "data-lsk-item": item.id},
            element("legend", {"class": "lsk-item-text", "id": legend_id}, item.text),
            element("p", {"class": "lsk-hint", "id": hint_id}, self.inline(item.hint)) if item.hint else None,
            # The stylesheet lays the points out in as few even rows as the width allows
            # (data-lsk-points), with the end labels under them, as wide as they are.
            element(
                "div",
                {"class": "lsk-scale", "data-lsk-points": len(choices), "data-search-exclude": True},
                *choices,
                ends if scale.labels else None,
                not_applicable,
            ),
            # "Clear answer", shown by the page's script while the statement has an answer. It is
            # written here, with its place kept while hidden (lederskap.css), so that neither the
            # script taking over the form nor an answer moves the statements below.
            element(
                "button",
                {
                    "type": "button",
                    "class": "lsk-button lsk-clear",
                    "data-lsk-clear": item.id,
                    "hidden": True,
                    "data-search-exclude": True,
                },
                self.t("item.clear"),
                element("span", {"class": "lsk-visually-hidden"}, f": {item.text}"),
            ),
        )

    def not_applicable_choice(self, item: Item, words: str, legend_id: str, hint_id: str | None) -> Markup:
        """The scale's "not applicable" choice for one statement: a radio of the same group, after the
        points and their end labels, drawn apart from them (it is no point of the scale), and named
        like them: "Vet ikke / ikke relevant: <statement>". Its value is ``na``."""
        input_id = self.html_id(item.id, NOT_APPLICABLE)
        return element(
            "span",
            {"class": "lsk-choice lsk-choice--na"},
            element(
                "input",
                {
                    "type": "radio",
                    "id": input_id,
                    "name": item.id,
                    "value": NOT_APPLICABLE,
                    "class": "lsk-radio",
                    "aria-labelledby": f"{self.html_id('scale', NOT_APPLICABLE)} {legend_id}",
                    "aria-describedby": hint_id,
                },
            ),
            element("label", {"for": input_id, "aria-hidden": "true"}, words),
        )

    def text_field(self, field: TextField) -> Markup:
        input_id = self.html_id(field.id)
        hint_id = self.html_id(field.id, "hint")
        return element(
            "div",
            {"class": "lsk-field", "data-lsk-field": field.id},
            element("label", {"for": input_id, "class": "lsk-field-label"}, field.label),
            element("p", {"class": "lsk-hint", "id": hint_id}, self.inline(field.hint)) if field.hint else None,
            element(
                "textarea",
                {
                    "id": input_id,
                    "name": field.id,
                    "rows": field.rows,
                    "class": "lsk-textarea",
                    "aria-describedby": hint_id if field.hint else None,
                },
            ),
        )

    def text_part(self, part: TextPart) -> Markup:
        return self.section(part, *(self.text_field(field) for field in part.fields))

    def checklist(self, part: ChecklistPart) -> Markup:
        title_id = self.html_id(part.id, "title")
        options = []
        for option in part.options:
            input_id = self.html_id(part.id, option.id)
            options.append(
                element(
                    "li",
                    {"class": "lsk-option"},
                    element(
                        "input",
                        {
                            "type": "checkbox",
                            "id": input_id,
                            "name": part.id,
                            "value": option.id,
                            "class": "lsk-checkbox",
                        },
                    ),
                    element("label", {"for": input_id}, self.inline(option.text)),
                )
            )
        return element(
            "section",
            {
                "class": "lsk-part lsk-part--checklist",
                "data-lsk-part": part.id,
                "data-lsk-part-type": part.type,
                "aria-labelledby": title_id,
            },
            element(
                "fieldset",
                {"class": "lsk-checklist"},
                element(
                    "legend",
                    {},
                    element("h3", {"class": "lsk-part-title", "id": title_id, "data-lsk-toc": True}, part.title),
                ),
                self.blocks(part.intro, "lsk-intro") if part.intro else None,
                element("p", {"class": "lsk-hint", "data-search-exclude": True}, self.t("form.checklist_hint")),
                element("ul", {"class": "lsk-options"}, *options),
            ),
            self.text_field(part.summary) if part.summary else None,
        )

    def allocation(self, part: AllocationPart) -> Markup:
        rows = []
        for row in part.rows:
            cells = []
            for column in part.columns:
                input_id = self.html_id(row.id, column.id)
                cells.append(
                    element(
                        "div",
                        {"class": "lsk-allocation-cell"},
                        element(
                            "label",
                            {"for": input_id},
                            column.text,
                            element(
                                "span",
                                {"class": "lsk-visually-hidden", "data-search-exclude": True},
                                f": {row.text}",
                            ),
                        ),
                        element(
                            "span",
                            {"class": "lsk-number"},
                            # A text field with the numeric keyboard, not type="number", which in
                            # Chromium drops a decimal comma ("12,5" becomes 125) and letters as they
                            # are typed; the page reads the number (parts/allocation.js) and checks
                            # it against the range of the scorer's check (data-lsk-min, data-lsk-max).
                            element(
                                "input",
                                {
                                    "type": "text",
                                    "id": input_id,
                                    "name": f"{row.id}.{column.id}",
                                    "class": "lsk-number-input",
                                    "data-lsk-row": row.id,
                                    "data-lsk-column": column.id,
                                    "data-lsk-min": 0,
                                    "data-lsk-max": part.total,
                                    "inputmode": "decimal",
                                    "autocomplete": "off",
                                    "spellcheck": "false",
                                },
                            ),
                            element(
                                "span",
                                {"class": "lsk-unit", "aria-hidden": "true", "data-search-exclude": True},
                                part.unit,
                            ),
                        ),
                    )
                )
            rows.append(
                element(
                    "fieldset",
                    {"class": "lsk-allocation-row", "data-lsk-row": row.id},
                    element("legend", {"class": "lsk-item-text"}, row.text),
                    element("div", {"class": "lsk-allocation-cells"}, *cells),
                )
            )
        return self.section(
            part,
            element(
                "p",
                {"class": "lsk-hint", "data-search-exclude": True},
                self.t("form.allocation_hint", total=part.total, unit=part.unit),
            ),
            *rows,
            element(
                "p",
                {"class": "lsk-allocation-totals", "data-lsk-totals": part.id, "data-lsk-total": part.total},
            ),
        )

    def choice(self, part: ChoicePart) -> Markup:
        return self.section(part, *(self.choice_question(question) for question in part.questions))

    def choice_question(self, question: ChoiceQuestion) -> Markup:
        """One question: a fieldset whose legend is the question and whose radios are its options.

        Each radio is named by its option's label and, as one of a group, by the legend;
        the hint (if any) describes every radio.
        """
        legend_id = self.html_id(question.id, "text")
        hint_id = self.html_id(question.id, "hint")
        options = []
        for option in question.options:
            input_id = self.html_id(question.id, "option", option.id)
            options.append(
                element(
                    "li",
                    {"class": "lsk-option"},
                    element(
                        "input",
                        {
                            "type": "radio",
                            "id": input_id,
                            "name": question.id,
                            "value": option.id,
                            "class": "lsk-choice-radio",
                            "aria-describedby": hint_id if question.hint else None,
                        },
                    ),
                    element("label", {"for": input_id}, self.inline(option.text)),
                )
            )
        return element(
            "fieldset",
            {"class": "lsk-choice-question", "data-lsk-question": question.id},
            element("legend", {"class": "lsk-question-text", "id": legend_id}, question.text),
            element("p", {"class": "lsk-hint", "id": hint_id}, self.inline(question.hint)) if question.hint else None,
            element("ul", {"class": "lsk-options"}, *options),
        )

    def results(self, part_id: str) -> Markup:
        heading_id = self.html_id(part_id, "results-title")
        return element(
            "section",
            {"class": "lsk-results", "data-lsk-results": part_id, "aria-labelledby": heading_id},
            element(
                "h3",
                {"class": "lsk-results-title", "id": heading_id, "data-lsk-toc": True},
                self.t("form.results_heading"),
            ),
            element(
                "div",
                {"class": "lsk-results-body", "data-lsk-results-body": True},
                element(
                    "p",
                    {"class": "lsk-results-placeholder", "data-search-exclude": True},
                    self.t("form.results_placeholder"),
                ),
            ),
        )


def shows_results(part: Part) -> bool:
    """Whether the part's results are drawn under it (so its form starts the scorer)."""
    match part:
        case LikertPart() | AllocationPart():
            return True
        case TextPart() | ChecklistPart():
            return False
        case ChoicePart():
            return is_scored(part)
        case _:
            assert_never(part)


def render_questionnaire(
    questionnaire: Questionnaire, course: str, messages: Messages, page: str = "", links: Links = NO_LINKS
) -> Markup:
    """The questionnaire as one HTML block to place in a Markdown page (it contains no blank line).

    ``page`` is the address of that page relative to the site root, and ``links`` where the
    course's pages are: the texts that allow Markdown link to them (rich_text.py)."""
    return _Renderer(questionnaire, course, messages, page, links).render()
