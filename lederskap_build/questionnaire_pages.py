"""Where each questionnaire of the course is placed, for the marks of what the learner has answered.

The page marks, by each link to a questionnaire's page in the menu and in the headings
of the content, whether the learner has answered it ("Påbegynt", "Besvart";
``assets/lederskap/answered-marks.js``), from their own storage on their own device.
It knows which page holds which questionnaire, and which ids its answers are stored
under, from this list, which the build writes into ``build-info.js`` as
``questionnaires``.
"""

from __future__ import annotations

from .addresses import page_address
from .course import Course


def questionnaire_pages(course: Course) -> list[dict[str, object]]:
    """Every questionnaire placed on a page, by id: ``{"id": its id, "page": the address of its page
    relative to the site's root, "answerIds": the ids its answers are stored under, in reading order}``.

    The answer ids are the scorer's (``Questionnaire.answer_ids``): the page tells "some" from "all"
    answered by them, with the one rule of an empty answer it shares with the scorer (``isEmptyAnswer``).
    """
    directory_urls = course.project.use_directory_urls
    return [
        {
            "id": questionnaire_id,
            "page": page_address(course.placed_on[questionnaire_id], directory_urls),
            "answerIds": list(course.questionnaires[questionnaire_id].questionnaire.answer_ids()),
        }
        for questionnaire_id in sorted(course.placed_on)
    ]
