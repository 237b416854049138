// @ts-check
// The page's side of the scorer worker: one worker per visit (a module-level
// singleton that survives Material's instant page swaps), started only when a
// page uses it (a questionnaire with results, the results page, the team page),
// and one promise per request.
// See scorer-worker.js for the message protocol.

export const START_TIMEOUT_MS = 60_000;

/** @typedef {"idle" | "starting" | "ready" | "failed"} ScorerState */

/**
 * Why the scorer failed.
 * @typedef {object} ScorerFailure
 * @property {string | null} stage the start stage reached ("worker", "runtime", "wheel", "import"),
 *   "score" once it had started, or "protocol"
 * @property {"error" | "timeout" | "unsupported"} reason
 * @property {string} message for the console
 */

/**
 * An error of a request, with the stage where it happened (see ScorerFailure).
 * @typedef {Error & {stage?: string | null}} ScorerError
 */

/**
 * The data of a "result" message: the JSON text the scorer's API function returned.
 * (A "ready" message settles the start request with {}.)
 * @typedef {{json: string}} ResultData
 */

/**
 * A request waiting for its answer.
 * @typedef {object} Pending
 * @property {(data: ResultData) => void} resolve
 * @property {(error: ScorerError) => void} reject
 * @property {string} type
 */

/**
 * @param {string} message
 * @param {string | null | undefined} stage
 * @returns {ScorerError}
 */
function scorerError(message, stage) {
  return Object.assign(new Error(message), { stage });
}

/** Scorer states: "idle" -> "starting" -> "ready" | "failed" (and "starting" again on retry). */
class ScorerClient extends EventTarget {
  constructor() {
    super();
    /** @type {ScorerState} */
    this.state = "idle";
    /** @type {string | null} the start stage reached: "worker", "runtime", "wheel", "import" */
    this.stage = null;
    /** @type {ScorerFailure | null} */
    this.failure = null;
    /** @type {Worker | null} */
    this.worker = null;
    /** @type {Map<unknown, Pending>} by the request's id (what the worker sends back is looked up as it is) */
    this.pending = new Map();
    this.nextId = 1;
    /** @type {Promise<void> | null} set by start(), whenever the state becomes "starting" */
    this.ready = null;
    /** @type {number | undefined} */
    this.timer = undefined;
    /** whether this page view has asked for a start already (startForPage, pageChanged) */
    this.askedOnThisPage = false;
  }

  /**
   * Start the scorer for the page shown: main.js asks first, before the page's code has
   * loaded, then each form or block that uses the scorer asks when it is mounted. A start that
   * failed since this page was shown is not made again for them: they show the failure, and
   * the learner's "try again" (retry) or a request starts it again. The next page shown, by
   * instant navigation (pageChanged), starts it again, also when it is the same page.
   * @returns {Promise<void>}
   */
  startForPage() {
    if (this.state === "failed" && this.askedOnThisPage) return /** @type {Promise<void>} */ (this.ready);
    this.askedOnThisPage = true;
    return this.start();
  }

  /**
   * Start the worker once; resolves when the scorer is ready, rejects when it failed.
   * @returns {Promise<void>}
   */
  start() {
    if (this.state === "starting" || this.state === "ready") return /** @type {Promise<void>} */ (this.ready);
    this.failure = null;
    this.stage = "worker";
    this.setState("starting");
    this.ready = this.boot();
    this.ready.catch(() => {}); // failures are reported through the state
    return this.ready;
  }

  /**
   * Throw the failed worker away and start again.
   * @returns {Promise<void>}
   */
  retry() {
    if (this.state === "starting" || this.state === "ready") return /** @type {Promise<void>} */ (this.ready);
    this.stop();
    return this.start();
  }

  /** @returns {Promise<void>} */
  async boot() {
    if (typeof Worker !== "function" || typeof WebAssembly !== "object") {
      this.fail({ stage: "worker", reason: "unsupported", message: "Web Workers or WebAssembly are not available" });
      throw new Error("unsupported browser");
    }
    let worker;
    try {
      worker = new Worker(new URL("./scorer-worker.js", import.meta.url), { type: "module" });
    } catch (error) {
      const message = String(error && /** @type {Error} */ (error).message);
      this.fail({ stage: "worker", reason: "unsupported", message });
      throw error;
    }
    this.worker = worker;
    const debug = (window.__lederskap ||= {});
    debug.workerStarts = (debug.workerStarts || 0) + 1;
    worker.addEventListener("message", (event) => this.receive(worker, event.data));
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      const where = event.message ? `: ${event.message}` : "";
      this.crash(worker, `the scorer worker failed${where}`);
    });
    worker.addEventListener("messageerror", () => this.crash(worker, "a message from the scorer could not be read"));
    this.timer = setTimeout(() => {
      if (this.worker === worker && this.state === "starting") {
        const message = `the scorer did not start within ${START_TIMEOUT_MS / 1000} s`;
        this.fail({ stage: this.stage, reason: "timeout", message });
      }
    }, START_TIMEOUT_MS);
    try {
      // What the worker started with ({stdlib, snapshot}), for tests and the benchmark.
      // Whether a service worker controls this page: only then may the worker look for a start
      // snapshot in the offline cache, or make one (start-snapshot.js).
      const offline = Boolean(globalThis.navigator?.serviceWorker?.controller);
      debug.start = await this.request("start", { offline });
    } catch (caught) {
      const error = /** @type {ScorerError} */ (caught); // request() rejects with these only
      if (this.worker === worker && this.state === "starting") {
        this.fail({ stage: error.stage || this.stage, reason: "error", message: error.message });
      }
      throw error;
    } finally {
      clearTimeout(this.timer);
    }
    if (this.worker !== worker || this.state !== "starting") throw new Error("the scorer start was abandoned");
    this.setState("ready");
  }

  /**
   * Score answers: JSON strings in, the scorer's results JSON string out.
   * @param {string} definition the questionnaire's definition JSON
   * @param {string} answers the answers JSON (an object keyed by question id)
   * @param {string} language
   * @returns {Promise<string>}
   */
  async score(definition, answers, language) {
    await this.start();
    const data = await this.request("score", { definition, answers, language });
    return data.json;
  }

  /**
   * Upgrade a stored record to the current record schema (lederskap_scorer.api.migrate_record_json).
   * @param {string} record the stored text
   * @returns {Promise<string>}
   */
  async migrate(record) {
    await this.start();
    const data = await this.request("migrate", { record });
    return data.json;
  }

  /**
   * The change between two measurements (lederskap_scorer.api.compare_json).
   * @param {string} from the earlier snapshot's scores (JSON)
   * @param {string} to the later snapshot's scores, or the current results' snapshot_scores (JSON)
   * @param {string} language
   * @returns {Promise<string>}
   */
  async compare(from, to, language) {
    await this.start();
    const data = await this.request("compare", { from, to, language });
    return data.json;
  }

  /**
   * What a member's team reply carries of their answers (lederskap_scorer.api.reply_answers_json).
   * @param {string} definition the questionnaire's definition JSON
   * @param {string} answers the answers JSON
   * @returns {Promise<string>}
   */
  async replyAnswers(definition, answers) {
    await this.start();
    const data = await this.request("reply-answers", { definition, answers });
    return data.json;
  }

  /**
   * The team result (lederskap_scorer.api.team_json).
   * @param {{own: string, others: string, ownAnswers: string, replies: string, language: string}} request
   *   the two definitions, the inviter's own answers ("null" to leave them out) and the opened replies (JSON)
   * @returns {Promise<string>}
   */
  async team(request) {
    await this.start();
    const data = await this.request("team", request);
    return data.json;
  }

  /**
   * Check an export file against the course: the import plan (lederskap_scorer.api.check_import_json).
   * @param {string} file the file's text
   * @param {string} context the course's definitions and stored records (JSON)
   * @returns {Promise<string>}
   */
  async checkImport(file, context) {
    await this.start();
    const data = await this.request("check-import", { file, context });
    return data.json;
  }

  /**
   * Send one request ({type, id, data}); settled by the worker's answer with its id.
   * @param {string} type
   * @param {object} data
   * @returns {Promise<ResultData>}
   */
  request(type, data) {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error("the scorer is not running"));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, type });
      worker.postMessage({ type, id, data });
    });
  }

  /**
   * One message from the worker (see scorer-worker.js for the protocol).
   * @param {Worker} worker
   * @param {unknown} message
   */
  receive(worker, message) {
    if (worker !== this.worker) return;
    /** @type {{type?: unknown, id?: unknown, data?: any}} */
    const { type, id, data } = message && typeof message === "object" ? message : {};
    const waiting = this.pending.get(id);
    /** @type {(ok: boolean, value: any) => void} */
    const settle = (ok, value) => {
      if (!waiting) return;
      this.pending.delete(id);
      if (ok) waiting.resolve(value);
      else waiting.reject(value);
    };
    switch (type) {
      case "stage":
        if (this.state === "starting" && data && typeof data.stage === "string") {
          this.stage = data.stage;
          this.emit();
        }
        return;
      case "ready":
      case "result":
        settle(true, data || {});
        return;
      case "error": {
        const error = scorerError((data && data.message) || "the scorer failed", data && data.stage);
        if (!waiting) console.error(`lederskap scorer: ${error.message}`);
        settle(false, error);
        return;
      }
      default: {
        const error = scorerError(`unknown message type from the scorer: ${JSON.stringify(type)}`, "protocol");
        console.error(`lederskap scorer: ${error.message}`);
        if (waiting) settle(false, error);
        else this.crash(worker, error.message);
      }
    }
  }

  /**
   * The worker failed (an error event, an unreadable or unknown message): fail unless it was already replaced.
   * @param {Worker} worker
   * @param {string} message
   */
  crash(worker, message) {
    if (worker !== this.worker) return;
    this.fail({ stage: this.state === "ready" ? "score" : this.stage, reason: "error", message });
  }

  /** @param {ScorerFailure} failure */
  fail(failure) {
    this.failure = failure;
    console.error(`lederskap scorer: ${failure.stage}: ${failure.message}`);
    this.stop();
    this.setState("failed");
  }

  stop() {
    clearTimeout(this.timer);
    if (this.worker) this.worker.terminate();
    this.worker = null;
    const error = scorerError("the scorer stopped", this.stage);
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  /** @param {ScorerState} state */
  setState(state) {
    this.state = state;
    const debug = (window.__lederskap ||= {});
    debug.scorerState = state;
    this.emit();
  }

  emit() {
    this.dispatchEvent(new Event("change"));
  }
}

/**
 * The scorer of a visit (the type of what scorer() returns).
 * @typedef {ScorerClient} Scorer
 */

/** @type {ScorerClient | null} */
let client = null;

/** @type {() => void} */
let startedNow = () => {};
/** Resolves when this visit starts its scorer (see scorerStarted). */
const started = new Promise((resolve) => {
  startedNow = () => resolve(undefined);
});

/**
 * The one scorer of this visit.
 * @returns {ScorerClient}
 */
export function scorer() {
  if (!client) {
    client = new ScorerClient();
    startedNow();
  }
  return client;
}

/** Another page is shown (Material's instant navigation): its forms start a failed scorer again. */
export function pageChanged() {
  if (client) client.askedOnThisPage = false;
}

/**
 * Resolves once this visit has started its scorer: a page with a questionnaire or the
 * results page was shown (with instant navigation, perhaps long after the first page).
 * Until then the service worker keeps the Python runtime only when the learner stays
 * (offline.js).
 * @returns {Promise<void>}
 */
export function scorerStarted() {
  return started;
}

/**
 * Resolves once this visit's scorer is not starting: ready, failed, or never started.
 * The service worker waits for it (offline.js), so that on a first visit its
 * download of the runtime does not compete with the scorer's own.
 * @returns {Promise<void>}
 */
export function scorerSettled() {
  const current = client;
  if (!current || current.state !== "starting") return Promise.resolve();
  return new Promise((resolve) => {
    const listener = () => {
      if (current.state === "starting") return;
      current.removeEventListener("change", listener);
      resolve();
    };
    current.addEventListener("change", listener);
  });
}
