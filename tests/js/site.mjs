// Where the unit tests find the browser modules: a folder written by
// `python -m lederskap_build.dev_assets FOLDER` (`make jscheck` writes one and runs
// the tests), named by LEDERSKAP_JS_SITE. It holds the modules exactly as a built site
// has them, with build-info.js, messages.js and constants.js, which only the build writes.

import path from "node:path";
import { pathToFileURL } from "node:url";

const site = process.env.LEDERSKAP_JS_SITE;
if (!site) {
  throw new Error(
    "LEDERSKAP_JS_SITE is not set: run `make jscheck`, or write the modules with " +
      "`.venv/bin/python -m lederskap_build.dev_assets FOLDER` and run " +
      "`LEDERSKAP_JS_SITE=FOLDER node --test tests/js/*.test.mjs`",
  );
}

/** The site module `name` ("storage-keys.js") of assets/lederskap/, imported. */
export function siteModule(name) {
  return import(pathToFileURL(path.join(site, "assets", "lederskap", name)).href);
}
