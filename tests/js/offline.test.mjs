// offline.js: where the browser has no service workers, the page says so and goes on.
// (Registering, updating and working offline are tested in a real browser: tests/browser/test_offline.py.)

import assert from "node:assert/strict";
import { test } from "node:test";

import { siteModule } from "./site.mjs";

globalThis.window = globalThis;
Object.defineProperty(globalThis, "navigator", { value: {}, configurable: true });
const { startOffline } = await siteModule("offline.js");

test("without service workers the state is 'unsupported' and nothing else happens", () => {
  startOffline();
  assert.deepEqual(window.__lederskap.offline, { state: "unsupported" });
});
