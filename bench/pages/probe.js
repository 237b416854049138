// The benchmark's in-page probe, injected before any script of the page runs
// (Playwright's add_init_script). It is one function expression; the benchmark
// calls it with its settings:
//
//   seed       {key, value}: a localStorage record written before the page's
//              own scripts read it (the learner's earlier answers), or null
//   timeoutMs  how long to keep watching
//
// It records in window.__bench, with performance.now() (milliseconds since the
// navigation started):
//   firstInput   the first animation frame in which the first input of a
//                questionnaire form is usable: enabled, not inert, and rendered
//                (it or its label has a box and is visible)
//   firstResult  the first frame in which a results body (.lsk-results) shows a
//                number with decimals (a dimension mean) and no placeholder
//   longTasks    PerformanceObserver "longtask" entries, with their attribution
//   frames       "long-animation-frame" entries, with the scripts that ran in them
//   worker       every Worker the page creates (its URL path), and every message
//                it posts (type and stage), with the time it arrived
(config) => {
  const state = {
    firstInput: null,
    firstResult: null,
    longTasks: [],
    frames: [],
    worker: [],
    errors: [],
    observers: [],
  };
  Object.defineProperty(window, "__bench", { value: state, configurable: true });

  if (config.seed) {
    try {
      window.localStorage.setItem(config.seed.key, config.seed.value);
    } catch (error) {
      state.errors.push(`seeding localStorage failed: ${error}`);
    }
  }

  const observe = (type, record) => {
    try {
      const observer = new PerformanceObserver((list) => list.getEntries().forEach(record));
      observer.observe({ type, buffered: true });
      state.observers.push(() => observer.takeRecords().forEach(record));
    } catch (error) {
      state.errors.push(`no ${type} observer: ${error}`);
    }
  };
  observe("longtask", (entry) =>
    state.longTasks.push({
      start: entry.startTime,
      duration: entry.duration,
      name: entry.name,
      attribution: (entry.attribution || []).map((a) => ({
        name: a.name,
        containerType: a.containerType,
        containerSrc: a.containerSrc,
        containerName: a.containerName,
      })),
    }),
  );
  observe("long-animation-frame", (entry) =>
    state.frames.push({
      start: entry.startTime,
      duration: entry.duration,
      blocking: entry.blockingDuration,
      renderStart: entry.renderStart,
      styleAndLayoutStart: entry.styleAndLayoutStart,
      scripts: (entry.scripts || []).map((s) => ({
        start: s.startTime,
        duration: s.duration,
        sourceURL: s.sourceURL,
        sourceFunctionName: s.sourceFunctionName,
        invoker: s.invoker,
        invokerType: s.invokerType,
        forcedStyleAndLayout: s.forcedStyleAndLayoutDuration,
      })),
    }),
  );
  // Flush what the observers have not delivered yet (called by the benchmark).
  state.flush = () => state.observers.forEach((take) => take());

  const NativeWorker = window.Worker;
  if (typeof NativeWorker === "function") {
    window.Worker = class extends NativeWorker {
      constructor(url, options) {
        super(url, options);
        const source = new URL(String(url), location.href).pathname;
        state.worker.push({ event: "created", worker: source, stage: null, at: performance.now() });
        this.addEventListener("message", (event) => {
          const data = event.data && typeof event.data === "object" ? event.data : {};
          const stage = data.data && data.data.stage ? data.data.stage : data.stage;
          state.worker.push({ event: String(data.type), worker: source, stage: stage || null, at: performance.now() });
        });
      }
    };
  }

  const rendered = (element) =>
    !!element &&
    element.getClientRects().length > 0 &&
    (typeof element.checkVisibility !== "function" ||
      element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }));

  const firstInputUsable = () => {
    const input = document.querySelector("form.lsk-questionnaire input");
    if (!input || input.matches(":disabled") || input.closest("[inert]")) return false;
    if (rendered(input)) return true;
    // Radios and checkboxes are often drawn by their label, the input itself hidden.
    return [...(input.labels || [])].some(rendered);
  };

  const resultShown = () => {
    for (const body of document.querySelectorAll(".lsk-results [data-lsk-results-body], .lsk-results .lsk-results-body")) {
      if (body.querySelector(".lsk-results-placeholder")) continue;
      if (/\d[.,]\d/.test(body.textContent || "") && rendered(body)) return true;
    }
    return false;
  };

  const tick = () => {
    const now = performance.now();
    if (document.documentElement) {
      if (state.firstInput === null && firstInputUsable()) state.firstInput = now;
      if (state.firstResult === null && resultShown()) state.firstResult = now;
    }
    const waiting = state.firstInput === null || state.firstResult === null;
    if (waiting && now < config.timeoutMs) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};
