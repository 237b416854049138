// The bare floor's module worker: load the site's Pyodide, then the scorer wheel,
// then import the scorer's API; report each stage and the time each took.

const indexURL = new URL("../assets/lederskap/pyodide/", import.meta.url).href;

self.addEventListener(
  "message",
  async ({ data }) => {
    const times = {};
    let last = performance.now();
    const lap = (name) => {
      const now = performance.now();
      times[name] = now - last;
      last = now;
    };
    try {
      self.postMessage({ type: "stage", stage: "runtime" });
      const { loadPyodide } = await import(`${indexURL}pyodide.mjs`);
      lap("import pyodide.mjs");
      const pyodide = await loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} });
      lap("loadPyodide");
      self.postMessage({ type: "stage", stage: "wheel" });
      const loaded = await pyodide.loadPackage(data.wheel, { messageCallback: () => {} });
      if (!loaded || loaded.length === 0) throw new Error(`the wheel ${data.wheel} was not loaded`);
      lap("loadPackage(wheel)");
      self.postMessage({ type: "stage", stage: "import" });
      pyodide.pyimport("lederskap_scorer.api");
      lap("import lederskap_scorer.api");
      self.postMessage({ type: "ready", times });
    } catch (error) {
      self.postMessage({ type: "error", message: String((error && error.message) || error) });
    }
  },
  { once: true },
);
