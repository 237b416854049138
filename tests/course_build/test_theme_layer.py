"""The tool owns its theme layer: every course's pages keep its promises, whatever its mkdocs.yml and templates say.

* lederskap's templates ship in the package and are written into ``theme.custom_dir`` by the
  build, with the course's own overrides (``extra.lederskap.overrides_dir``) above them;
* settings that would break a promise (fonts from Google, analytics, styles or scripts from
  another origin, a custom_dir of the author's) are problems in mkdocs.yml, with their fix;
* a built page that breaks one anyway (a template of the course's, raw HTML in a page) fails
  the build, and the last good site stays.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lederskap_build.cli import main
from lederskap_build.config import load_project
from lederskap_build.errors import ContentError
from lederskap_build.site_check import page_problems, stylesheet_problems
from lederskap_build.theme_layer import CONTENT_SECURITY_POLICY, COURSE_MAIN, plan_theme, policy_meta

from .conftest import MKDOCS_YML, CourseFactory, file_hashes
from .html_index import index_html

WITH_OVERRIDES = MKDOCS_YML.replace("    language: en\n", "    language: en\n    overrides_dir: overrides\n")


def with_setting(old: str, new: str, config: str = MKDOCS_YML) -> str:
    assert old in config
    return config.replace(old, new)


def problems_of(config_file: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_project(config_file)
    return [str(p) for p in caught.value.problems]


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


FONTS = (
    "Material would load its fonts from Google (fonts.googleapis.com) on every page, a request to another origin "
    "that tells Google who reads the course; with false the pages use the device's own fonts"
)


@pytest.mark.parametrize(
    ("config", "message"),
    [
        pytest.param(
            with_setting("  font: false\n", ""),
            f"mkdocs.yml:4: theme.font: missing 'font: false': {FONTS}",
            id="fonts-left-on",
        ),
        pytest.param(
            with_setting("  font: false\n", "  font:\n    text: Roboto\n"),
            f"mkdocs.yml:7: theme.font: expected false, but a mapping was given: {FONTS}",
            id="a-google-font",
        ),
        pytest.param(
            with_setting("  custom_dir: generated/theme\n", ""),
            "mkdocs.yml:4: theme.custom_dir: missing 'custom_dir': set it to the folder the build writes the theme "
            "layer into (lederskap's templates, which give every page its Content Security Policy, with the "
            "course's own from extra.lederskap.overrides_dir above them), e.g. generated/theme",
            id="no-custom-dir",
        ),
        pytest.param(
            with_setting(
                "theme:\n  name: material\n  language: en\n  font: false\n  custom_dir: generated/theme\n",
                "theme: material\n",
            ),
            "mkdocs.yml:4: theme: expected the theme's settings (name: material, custom_dir: generated/theme, "
            "font: false), but a text ('material') was given",
            id="theme-by-name-only",
        ),
        pytest.param(
            with_setting("extra_css:\n", "extra_css:\n  - https://fonts.example.org/font.css\n"),
            "mkdocs.yml:10: extra_css[0]: 'https://fonts.example.org/font.css' is loaded from another origin: every "
            "learner's browser would ask that server for it (and the Content Security Policy blocks it); put the "
            "file in the pages folder and name it by its path there",
            id="a-stylesheet-of-another-origin",
        ),
        pytest.param(
            with_setting("    type: module\n", "    type: module\n  - path: //cdn.example.org/x.js\n"),
            "mkdocs.yml:14: extra_javascript[1]: '//cdn.example.org/x.js' is loaded from another origin: every "
            "learner's browser would ask that server for it (and the Content Security Policy blocks it); put the "
            "file in the pages folder and name it by its path there",
            id="a-script-of-another-origin",
        ),
        pytest.param(
            with_setting("extra:\n", "extra:\n  analytics:\n    provider: google\n    property: G-1\n"),
            "mkdocs.yml:15: extra.analytics: Material's analytics send every visit to Google Analytics, another "
            "origin, from an inline script; remove them: the course promises learners that nothing leaves their "
            "device",
            id="analytics",
        ),
    ],
)
def test_settings_that_would_break_a_promise_are_problems_with_their_fix(
    make_course: CourseFactory, config: str, message: str
) -> None:
    assert problems_of(make_course(config=config)) == [message]


@pytest.mark.parametrize(
    ("custom_dir", "message"),
    [
        (
            "docs/theme",
            "expected a folder of its own inside the project for the theme layer, apart from 'docs', 'forms', "
            "'overrides' and 'generated/docs', e.g. generated/theme, but 'docs/theme' was given",
        ),
        (
            "overrides",
            "expected a folder of its own inside the project for the theme layer, apart from 'docs', 'forms', "
            "'overrides' and 'generated/docs', e.g. generated/theme, but 'overrides' was given",
        ),
        (
            "generated",
            "expected a folder of its own inside the project for the theme layer, apart from 'docs', 'forms', "
            "'overrides' and 'generated/docs', e.g. generated/theme, but 'generated' was given",
        ),
    ],
)
def test_the_theme_layer_needs_a_folder_of_its_own(make_course: CourseFactory, custom_dir: str, message: str) -> None:
    config = make_course(
        config=with_setting("custom_dir: generated/theme", f"custom_dir: {custom_dir}", WITH_OVERRIDES)
    )
    (config.parent / "overrides").mkdir()
    assert problems_of(config) == [f"mkdocs.yml:8: theme.custom_dir: {message}"]


def test_a_custom_dir_of_the_authors_is_a_problem_that_says_where_its_templates_go(
    make_course: CourseFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    """A course set up for plain Material: its custom_dir holds its own templates, which the build never touches."""
    config = make_course(config=with_setting("custom_dir: generated/theme", "custom_dir: overrides"))
    write(config.parent, {"overrides/main.html": '{% extends "base.html" %}\n'})
    before = file_hashes(config.parent)

    assert main(["build", "-f", str(config)]) == 1

    assert capsys.readouterr().err == (
        "The course has 1 problem:\n"
        "  mkdocs.yml:8: theme.custom_dir: expected a folder the build writes the theme layer into, e.g. "
        "generated/theme, but 'overrides' holds files lederskap build did not write. If they are your template "
        "overrides, name them in extra.lederskap (overrides_dir: overrides) and set custom_dir to generated/theme: "
        "the build puts them above lederskap's templates\n"
    )
    assert file_hashes(config.parent) == before


def test_overrides_that_would_replace_lederskaps_templates_are_problems(make_course: CourseFactory) -> None:
    config = make_course(config=WITH_OVERRIDES)
    write(
        config.parent,
        {
            "overrides/partials/javascripts/palette.html": "<script>restore()</script>\n",
            "overrides/lederskap/course-main.html": '{% extends "base.html" %}\n',
            "overrides/partials/footer.html": "<footer>Ours</footer>\n",
        },
    )
    assert problems_of(config) == [
        "overrides/lederskap/course-main.html: the folder 'lederskap/' of the templates is lederskap's own; "
        "use another",
        "overrides/partials/javascripts/palette.html: replaces a template of lederskap's own, which keeps "
        "Material's inline scripts out of the pages for the Content Security Policy; remove it, and change what "
        "you need in the blocks of your main.html",
    ]


def test_overrides_dir_must_be_a_folder(make_course: CourseFactory) -> None:
    assert problems_of(make_course(config=WITH_OVERRIDES)) == [
        "mkdocs.yml:18: extra.lederskap.overrides_dir: expected the folder of the course's own template overrides, "
        "but 'overrides' is not a folder"
    ]


def test_the_courses_templates_are_layered_over_lederskaps_which_keep_the_last_word(
    make_course: CourseFactory,
) -> None:
    """The course's main.html overrides blocks, even the ones lederskap's main.html fills, without super():
    every page still has the policy and the referrer rule, and the course's own blocks and files are used."""
    config = make_course(
        config=WITH_OVERRIDES, pages={"index.md": '# Start\n\n::questionnaire{id="check"}\n', "about.md": "# About\n"}
    )
    write(
        config.parent,
        {
            "overrides/main.html": (
                '{% extends "base.html" %}\n'
                '{% block site_meta %}<meta charset="utf-8"><meta name="course-meta" content="ours">{% endblock %}\n'
                '{% block extrahead %}<meta name="course-head" content="ours">{% endblock %}\n'
            ),
            "overrides/partials/copyright.html": '<div class="course-copyright">© The course</div>\n',
            "overrides/assets/course-logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
        },
    )

    assert main(["build", "-f", str(config)]) == 0

    theme = config.parent / "generated" / "theme"
    assert (theme / COURSE_MAIN).read_text(encoding="utf-8").startswith('{% extends "base.html" %}')
    site = config.parent / "site"
    assert (site / "assets" / "course-logo.svg").is_file()
    for page in ("index.html", "about/index.html", "404.html"):
        html = index_html((site / page).read_text(encoding="utf-8"))
        assert [m.attrs["content"] for m in html.find("meta", http_equiv="Content-Security-Policy")] == [
            CONTENT_SECURITY_POLICY
        ], page
        assert html.find("meta", name="referrer", content="no-referrer"), page
        assert html.find("meta", name="course-meta", content="ours"), page
        assert html.find("meta", name="course-head", content="ours"), page
        assert html.find("div", **{"class": "course-copyright"}), page
        scripts = [s.attrs["src"] for s in html.find("script", src="*")]
        assert any(src.endswith("assets/lederskap-material/palette.js") for src in scripts), page

    # Without a main.html of its own, lederskap's extends Material's base.html; the copy of the old one goes.
    (config.parent / "overrides" / "main.html").unlink()
    (config.parent / "overrides" / "assets" / "course-logo.svg").unlink()
    assert main(["build", "-f", str(config)]) == 0
    assert (theme / COURSE_MAIN).read_text(encoding="utf-8").endswith('{% extends "base.html" %}\n')
    assert not (theme / "assets" / "course-logo.svg").exists()
    html = index_html((site / "index.html").read_text(encoding="utf-8"))
    assert html.find("meta", http_equiv="Content-Security-Policy") and not html.find("meta", name="course-head")


def test_a_page_that_breaks_a_promise_fails_the_build_and_the_last_good_site_stays(
    make_course: CourseFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    config = make_course(pages={"index.md": '# Start\n\n::questionnaire{id="check"}\n', "about.md": "# About\n"})
    assert main(["build", "-f", str(config)]) == 0
    site = config.parent / "site"
    before = file_hashes(site)
    capsys.readouterr()
    write(
        config.parent,
        {
            "docs/about.md": (
                "# About\n\n"
                '<script>alert("hi")</script>\n\n'
                '<p style="color: red">Red</p>\n\n'
                '<img src="https://images.example.org/team.png" alt="The team">\n'
            ),
        },
    )

    assert main(["build", "-f", str(config)]) == 1

    assert file_hashes(site) == before
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert lines[0] == (
        "error: The built site breaks what every page promises learners (nothing loaded from another origin, no "
        "inline code, the Content Security Policy) in 3 places:"
    )
    assert lines[1].startswith("  site/about/index.html:") and lines[1].endswith(
        ": an inline <script>, which the Content Security Policy blocks: put the code in a file of the pages "
        "folder and load it with extra_javascript"
    )
    assert lines[2].endswith(
        ": a style attribute on <p>, which the Content Security Policy blocks: give the element a class and style "
        "it in a stylesheet (extra_css)"
    )
    assert lines[3].endswith(
        ": <img src> loads https://images.example.org/team.png from another origin: put the file in the pages "
        "folder and name it by its path there"
    )
    assert lines[4:] == ["The site in site/ was left as it was; it does not include these changes."]


def test_under_serve_the_theme_layer_has_no_policy() -> None:
    served, built = plan_theme(None, serving=True), plan_theme(None, serving=False)
    assert policy_meta().encode() in built["main.html"]
    assert b"Content-Security-Policy" not in served["main.html"]
    assert b'<meta name="referrer" content="no-referrer">' in served["main.html"]
    assert (
        set(served)
        == set(built)
        == {
            "main.html",
            COURSE_MAIN,
            "partials/javascripts/base.html",
            "partials/javascripts/content.html",
            "partials/javascripts/palette.html",
        }
    )


PAGE = f"""<!doctype html>
<html><head>
<meta charset="utf-8">
<link rel="canonical" href="https://example.github.io/course/">
<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<script src="assets/main.js"></script>
<script id="__config" type="application/json">{{"base": "."}}</script>
</head><body>
<a href="https://www.example.org/reading">Further reading</a>
<img src="data:image/png;base64,AAAA" alt="">
<svg xmlns="http://www.w3.org/2000/svg"><use href="#icon"/></svg>
BODY
</body></html>
"""


@pytest.mark.parametrize(
    ("body", "problems"),
    [
        ("", []),
        ('<button onclick="go()">Go</button>', ["a 'onclick' attribute on <button>, which is inline code"]),
        ('<a href="javascript:go()">Go</a>', ["a javascript: address in <a href>, which is inline code"]),
        ('<link rel="preconnect" href="https://fonts.gstatic.com">', ['<link rel="preconnect"> loads']),
        ('<img srcset="a.png 1x, https://cdn.example.org/b.png 2x" alt="">', ["<img srcset> loads"]),
        ('<iframe src="//video.example.org/embed/1"></iframe>', ["<iframe src> loads"]),
        ('<form action="https://forms.example.org/send"></form>', ["<form action> sends the form to"]),
        ("<style>p { color: red }</style>", ["a <style> element, which the Content Security Policy blocks"]),
        ('<script type="module">import "./x.js"</script>', ["an inline <script>"]),
        # Read as a browser reads HTML: in any case, with character references, attributes
        # without quotes or without a space between them, and whatever tag carries them.
        ('<DIV OnClick="go()">Go</DIV>', ["a 'onclick' attribute on <div>, which is inline code"]),
        ('<a title="x"onmouseover=go()>Go</a>', ["a 'onmouseover' attribute on <a>, which is inline code"]),
        ('<p style>Red</p>', ["a style attribute on <p>, which the Content Security Policy blocks"]),
        ('<a href="jav&#x61;script:go()">Go</a>', ["a javascript: address in <a href>, which is inline code"]),
        ("<input type=image src=https://cdn.example.org/go.png>", ["<input src> loads"]),
        ("<script data-x=1/>go()</script>", ["an inline <script>"]),
        ('<svg><script href="x.js"/></svg><img src="https://cdn.example.org/x.png">', ["<img src> loads"]),
        # What is no tag is not read as one: a comment, a JSON script's text, an attribute's value.
        ('<!-- <script>go()</script> <p style="x"> -->', []),
        ('<script type="application/json">{"tip": "<b onclick=x>"}</script>', []),
        ('<span title="a &lt;style&gt; element">Styles</span>', []),
    ],
)
def test_what_the_page_check_finds(body: str, problems: list[str]) -> None:
    found = page_problems(PAGE.replace("BODY", body))
    assert [line for line, _ in found] == [13] * len(problems)
    assert len(found) == len(problems)
    for (_, message), start in zip(found, problems, strict=True):
        assert message.startswith(start)


def test_a_page_without_lederskaps_main_html_lacks_the_policy_and_the_referrer_rule() -> None:
    page = "<html><head><script src='a.js'></script></head><body></body></html>"
    assert [message.split(":")[0] for _, message in page_problems(page)] == [
        "no Content Security Policy",
        'no referrer rule (<meta name="referrer" content="no-referrer">)',
    ]
    loosened = PAGE.replace("BODY", "").replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    assert page_problems(loosened) == [
        (5, "a Content Security Policy other than lederskap's: leave the policy to lederskap's main.html")
    ]


def test_what_the_stylesheet_check_finds() -> None:
    css = (
        "/* Fonts: https://fonts.example.org/ */\n"
        ".a { background: url(data:image/svg+xml;base64,AAAA) }\n"
        ".b { background: url('images/b.png') }\n"
        '@import url("https://fonts.googleapis.com/css?family=Roboto");\n'
        ".c { background: url(//cdn.example.org/c.png) }\n"
    )
    assert stylesheet_problems(css) == [
        (
            4,
            "loads https://fonts.googleapis.com/css?family=Roboto from another origin: put the file in the pages "
            "folder and name it by its path there",
        ),
        (
            5,
            "loads //cdn.example.org/c.png from another origin: put the file in the pages folder and name it by its "
            "path there",
        ),
    ]


def test_a_script_before_the_policy_is_found_on_a_minified_page_too() -> None:
    """A minified page is one line: the script and the policy are told apart by their column."""
    head = PAGE.replace("BODY", "")
    policy = head[head.index("<meta http-equiv") : head.index(">", head.index("<meta http-equiv")) + 1]
    one_line = head.replace(policy, '<script src="assets/early.js"></script>' + policy, 1).replace("\n", "")
    found = page_problems(one_line)
    assert [message.split(":")[0] for _, message in found] == [
        "a script before the Content Security Policy, which the policy then does not govern"
    ]
