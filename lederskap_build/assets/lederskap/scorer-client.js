// The page's side of the scorer worker: one worker per visit (a module-level
// singleton that survives Material's instant page swaps), started only when a
// page holds a questionnaire with results, and one promise per request.
// See scorer-worker.js for the message protocol.

export const START_TIMEOUT_MS = 60_000;

/** Scorer states: "idle" -> "starting" -> "ready" | "failed" (and "starting" again on retry). */
class ScorerClient extends EventTarget {
  constructor() {
    super();
    this.state = "idle";
    this.stage = null; // the start stage reached: "worker", "runtime", "wheel", "import"
    this.failure = null; // {stage, reason: "error" | "timeout" | "unsupported", message}
    this.worker = null;
    this.pending = new Map(); // id -> {resolve, reject, type}
    this.nextId = 1;
    this.ready = null;
    this.timer = null;
  }

  /** Start the worker once; resolves when the scorer is ready, rejects when it failed. */
  start() {
    if (this.state === "starting" || this.state === "ready") return this.ready;
    this.failure = null;
    this.stage = "worker";
    this.setState("starting");
    this.ready = this.boot();
    this.ready.catch(() => {}); // failures are reported through the state
    return this.ready;
  }

  /** Throw the failed worker away and start again. */
  retry() {
    if (this.state === "starting" || this.state === "ready") return this.ready;
    this.stop();
    return this.start();
  }

  async boot() {
    if (typeof Worker !== "function" || typeof WebAssembly !== "object") {
      this.fail({ stage: "worker", reason: "unsupported", message: "Web Workers or WebAssembly are not available" });
      throw new Error("unsupported browser");
    }
    let worker;
    try {
      worker = new Worker(new URL("./scorer-worker.js", import.meta.url), { type: "module" });
    } catch (error) {
      this.fail({ stage: "worker", reason: "unsupported", message: String(error && error.message) });
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
      await this.request("start", {});
    } catch (error) {
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

  /** Score answers: JSON strings in, the scorer's results JSON string out. */
  async score(definition, answers, language) {
    await this.start();
    const data = await this.request("score", { definition, answers, language });
    return data.json;
  }

  /** Upgrade a stored record to the current record schema (lederskap_scorer.api.migrate_record_json). */
  async migrate(record) {
    await this.start();
    const data = await this.request("migrate", { record });
    return data.json;
  }

  /** Check an export file against the course: the import plan (lederskap_scorer.api.check_import_json). */
  async checkImport(file, context) {
    await this.start();
    const data = await this.request("check-import", { file, context });
    return data.json;
  }

  request(type, data) {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error("the scorer is not running"));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, type });
      worker.postMessage({ type, id, data });
    });
  }

  receive(worker, message) {
    if (worker !== this.worker) return;
    const { type, id, data } = message && typeof message === "object" ? message : {};
    const waiting = this.pending.get(id);
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
        const error = new Error((data && data.message) || "the scorer failed");
        error.stage = data && data.stage;
        if (!waiting) console.error(`lederskap scorer: ${error.message}`);
        settle(false, error);
        return;
      }
      default: {
        const error = new Error(`unknown message type from the scorer: ${JSON.stringify(type)}`);
        error.stage = "protocol";
        console.error(`lederskap scorer: ${error.message}`);
        if (waiting) settle(false, error);
        else this.crash(worker, error.message);
      }
    }
  }

  crash(worker, message) {
    if (worker !== this.worker) return;
    this.fail({ stage: this.state === "ready" ? "score" : this.stage, reason: "error", message });
  }

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
    const error = new Error("the scorer stopped");
    error.stage = this.stage;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

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

let client = null;

/** The one scorer of this visit. */
export function scorer() {
  client ||= new ScorerClient();
  return client;
}

/**
 * Resolves once this visit's scorer is not starting: ready, failed, or never started.
 * The service worker waits for it (offline.js), so that on a first visit its
 * download of the runtime does not compete with the scorer's own.
 */
export function scorerSettled() {
  if (!client || client.state !== "starting") return Promise.resolve();
  return new Promise((resolve) => {
    const listener = () => {
      if (client.state === "starting") return;
      client.removeEventListener("change", listener);
      resolve();
    };
    client.addEventListener("change", listener);
  });
}
