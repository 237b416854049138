// scorer-client.js: the page's side of the scorer worker's protocol ({type, id, data}
// messages, one promise per request), with a stand-in for the worker. The worker itself
// runs in real Pyodide in tests/browser/ and tests/pyodide/.

import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";

import { siteModule } from "./site.mjs";

/** A module Worker stand-in: keeps what the page posts, and answers when the test says. */
class FakeWorker extends EventTarget {
  static started = [];

  constructor(url, options) {
    super();
    this.url = String(url);
    this.options = options;
    this.posted = [];
    this.terminated = false;
    FakeWorker.started.push(this);
  }

  postMessage(message) {
    this.posted.push(message);
  }

  terminate() {
    this.terminated = true;
  }

  /** The worker sends `message` to the page. */
  send(message) {
    this.dispatchEvent(Object.assign(new Event("message"), { data: message }));
  }

  /** The last request of `type` the page sent. */
  last(type) {
    const found = this.posted.filter((message) => message.type === type).at(-1);
    assert.ok(found, `no ${type} request`);
    return found;
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
const latest = () => FakeWorker.started.at(-1);

globalThis.Worker = FakeWorker;
globalThis.window = globalThis;
const { pageChanged, scorer, scorerSettled } = await siteModule("scorer-client.js");

describe("the scorer of a visit", () => {
  const errors = [];
  const consoleError = console.error;
  before(() => {
    console.error = (...args) => errors.push(args.join(" "));
  });
  after(() => {
    console.error = consoleError;
  });

  test("nothing to wait for before a scorer is started", async () => {
    await scorerSettled();
    assert.equal(FakeWorker.started.length, 0);
  });

  test("a start reports its stages and resolves when the worker is ready", async () => {
    const client = scorer();
    assert.equal(scorer(), client, "one scorer per visit");
    const changes = [];
    client.addEventListener("change", () => changes.push([client.state, client.stage]));
    const ready = client.start();
    assert.equal(client.start(), ready, "a second start waits for the same");
    assert.equal(client.state, "starting");
    const settled = scorerSettled();
    const worker = latest();
    assert.match(worker.url, /\/assets\/lederskap\/scorer-worker\.js$/);
    assert.deepEqual(worker.options, { type: "module" });
    const start = worker.last("start");
    worker.send({ type: "stage", id: start.id, data: { stage: "runtime" } });
    worker.send({ type: "stage", id: start.id, data: { stage: "wheel" } });
    worker.send({ type: "ready", id: start.id, data: {} });
    await ready;
    await settled;
    assert.equal(client.state, "ready");
    assert.deepEqual(changes, [
      ["starting", "worker"],
      ["starting", "runtime"],
      ["starting", "wheel"],
      ["ready", "wheel"],
    ]);
    assert.equal(window.__lederskap.scorerState, "ready");
    assert.equal(window.__lederskap.workerStarts, 1);
  });

  test("each request is answered by the result with its id", async () => {
    const client = scorer();
    const worker = latest();
    const first = client.score('{"id":"q"}', '{"a":1}', "nb");
    const second = client.migrate('{"schema":1}');
    await tick();
    const score = worker.last("score");
    const migrate = worker.last("migrate");
    assert.deepEqual(score.data, { definition: '{"id":"q"}', answers: '{"a":1}', language: "nb" });
    assert.deepEqual(migrate.data, { record: '{"schema":1}' });
    assert.notEqual(score.id, migrate.id);
    worker.send({ type: "result", id: migrate.id, data: { json: "migrated" } });
    worker.send({ type: "result", id: score.id, data: { json: "scored" } });
    assert.equal(await first, "scored");
    assert.equal(await second, "migrated");
    const check = client.checkImport("file", "context");
    await tick();
    const request = worker.last("check-import");
    assert.deepEqual(request.data, { file: "file", context: "context" });
    worker.send({ type: "result", id: request.id, data: { json: "plan" } });
    assert.equal(await check, "plan");
  });

  test("an error answer rejects its request with the stage, and the scorer keeps running", async () => {
    const client = scorer();
    const worker = latest();
    const answer = client.score("{}", "{}", "nb");
    await tick();
    worker.send({ type: "error", id: worker.last("score").id, data: { stage: "score", message: "bad answers" } });
    await assert.rejects(answer, (error) => error.message === "bad answers" && error.stage === "score");
    assert.equal(client.state, "ready");
  });

  test("a message of an unknown type fails the scorer, and a request waiting for it is rejected", async () => {
    const client = scorer();
    const worker = latest();
    const answer = client.score("{}", "{}", "nb");
    await tick();
    worker.send({ type: "surprise" });
    assert.equal(client.state, "failed");
    const { stage, reason, message } = client.failure;
    assert.deepEqual([stage, reason], ["score", "error"]);
    assert.match(message, /unknown message type from the scorer: "surprise"/);
    assert.equal(worker.terminated, true);
    await assert.rejects(answer, (error) => error.message === "the scorer stopped");
  });

  test("retry starts a new worker; a start that fails says where", async () => {
    const client = scorer();
    const started = client.retry();
    const worker = latest();
    assert.equal(FakeWorker.started.length, 2);
    assert.equal(window.__lederskap.workerStarts, 2);
    const start = worker.last("start");
    worker.send({ type: "stage", id: start.id, data: { stage: "wheel" } });
    worker.send({ type: "error", id: start.id, data: { stage: "wheel", message: "no wheel" } });
    await assert.rejects(started, /no wheel/);
    assert.equal(client.state, "failed");
    assert.deepEqual(client.failure, { stage: "wheel", reason: "error", message: "no wheel" });
    assert.equal(worker.terminated, true);
  });

  test("a worker that fails while starting fails the start at its stage", async () => {
    const client = scorer();
    const started = client.retry();
    const worker = latest();
    worker.send({ type: "stage", id: worker.last("start").id, data: { stage: "runtime" } });
    const event = Object.assign(new Event("error", { cancelable: true }), { message: "out of memory" });
    worker.dispatchEvent(event);
    assert.equal(event.defaultPrevented, true);
    await assert.rejects(started);
    assert.deepEqual(client.failure, {
      stage: "runtime",
      reason: "error",
      message: "the scorer worker failed: out of memory",
    });
  });

  test("a page's start that failed is not made again by that page's forms, but by another page", async () => {
    const client = scorer();
    // main.js asks for this page's start (the scorer failed before: a new start), which fails.
    const count = FakeWorker.started.length;
    const started = client.startForPage();
    const worker = latest();
    assert.equal(FakeWorker.started.length, count + 1);
    worker.send({ type: "error", id: worker.last("start").id, data: { stage: "runtime", message: "no runtime" } });
    await assert.rejects(started);
    // The form mounted after the failure shows it.
    await assert.rejects(client.startForPage(), /no runtime/);
    assert.equal(FakeWorker.started.length, count + 1);
    assert.equal(client.state, "failed");
    // Instant navigation to another page starts it again.
    pageChanged();
    const again = client.startForPage();
    assert.equal(FakeWorker.started.length, count + 2);
    assert.equal(client.state, "starting");
    latest().send({ type: "ready", id: latest().last("start").id, data: {} });
    await again;
    // A page that asks while the scorer is ready (or starting) gets the same start.
    await client.startForPage();
    assert.equal(FakeWorker.started.length, count + 2);
    // Failed there; the learner goes elsewhere and comes back to the same page: it starts again.
    latest().send({ type: "surprise" });
    client.startForPage();
    assert.equal(FakeWorker.started.length, count + 2);
    assert.equal(client.state, "failed");
    pageChanged();
    const back = client.startForPage();
    assert.equal(FakeWorker.started.length, count + 3);
    latest().send({ type: "surprise" }); // failed again, as the next test expects
    await assert.rejects(back);
  });

  test("messages of a worker thrown away are ignored", async () => {
    const client = scorer();
    const old = latest();
    const started = client.retry();
    old.send({ type: "ready", id: 1, data: {} });
    assert.equal(client.state, "starting");
    const worker = latest();
    worker.send({ type: "ready", id: worker.last("start").id, data: {} });
    await started;
    assert.equal(client.state, "ready");
    assert.ok(errors.length > 0, "failures were reported on the console");
  });
});
