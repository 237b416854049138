// status-view.js: the sentence for each state of the scorer.

import assert from "node:assert/strict";
import { test } from "node:test";

import { siteModule } from "./site.mjs";

const { t } = await siteModule("i18n.js");
const { scorerMessage, reservedMessage } = await siteModule("status-view.js");

test("starting and ready", () => {
  assert.equal(scorerMessage({ state: "idle", failure: null }), t("status.starting"));
  assert.equal(scorerMessage({ state: "starting", failure: null }), t("status.starting"));
  assert.equal(scorerMessage({ state: "ready", failure: null }), t("status.ready"));
});

test("a page with nothing to answer is not told that results follow its answers", () => {
  assert.equal(scorerMessage({ state: "starting", failure: null }, false), t("status.starting_results"));
  assert.equal(scorerMessage({ state: "ready", failure: null }, false), t("status.ready_results"));
  assert.notEqual(t("status.ready_results"), t("status.ready"));
  const failed = { state: "failed", failure: { stage: "wheel", reason: "error", message: "x" } };
  assert.equal(scorerMessage(failed, false), t("status.failed_results", { reason: t("status.stage.wheel") }));
});

test("a failure names the stage that failed", (context) => {
  const error = context.mock.method(console, "error", () => {});
  for (const stage of ["worker", "runtime", "wheel", "import", "score", "protocol"]) {
    const text = scorerMessage({ state: "failed", failure: { stage, reason: "error", message: "x" } });
    assert.equal(text, t("status.failed", { reason: t(`status.stage.${stage}`) }));
  }
  assert.equal(error.mock.callCount(), 0, "every stage has a message");
});

test("a timeout, an unsupported browser and an unknown failure", () => {
  const timeout = { state: "failed", failure: { stage: "runtime", reason: "timeout", message: "x" } };
  assert.equal(scorerMessage(timeout), t("status.failed", { reason: t("status.timeout") }));
  const unsupported = { state: "failed", failure: { stage: "worker", reason: "unsupported", message: "x" } };
  assert.equal(scorerMessage(unsupported), t("status.failed_unsupported"));
  assert.equal(
    scorerMessage({ state: "failed", failure: null }),
    t("status.failed", { reason: t("status.stage.worker") }),
  );
});

test("the line keeps room for the sentence that replaces it when Python is ready, and back", () => {
  for (const answering of [true, false]) {
    const starting = { state: "starting", failure: null };
    const ready = { state: "ready", failure: null };
    assert.equal(reservedMessage(starting, answering), scorerMessage(ready, answering));
    assert.equal(reservedMessage(ready, answering), scorerMessage(starting, answering));
    assert.equal(reservedMessage({ state: "idle", failure: null }, answering), scorerMessage(ready, answering));
  }
  const failed = { state: "failed", failure: { stage: "runtime", reason: "error", message: "x" } };
  assert.equal(reservedMessage(failed, true), "");
  assert.equal(reservedMessage(null, true), "");
});
