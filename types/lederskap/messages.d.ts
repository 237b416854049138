// The module the build writes as assets/lederskap/messages.js
// (lederskap_build/generate.py, plan_outputs): the interface text catalogue of the
// course's language, lederskap_scorer/messages/<language>.json, as
// `export const messages = Object.freeze({...})`. Every key of a `t("key")` call is
// checked against the catalogue by tests/course_build/test_interface_text.py.

/** Message key -> text with `{name}` placeholders. */
export const messages: Readonly<Record<string, string>>;
