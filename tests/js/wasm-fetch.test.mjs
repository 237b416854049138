// wasm-fetch.js: the scorer worker's request for Pyodide's WebAssembly is answered with the
// compressed file, decompressed (or as it came, when a server already decompressed it), other
// requests pass through, and a failed download is reported at once.

import assert from "node:assert/strict";
import { test } from "node:test";
import { gzipSync } from "node:zlib";

import { siteModule } from "./site.mjs";

const { wasmFetch } = await siteModule("wasm-fetch.js");

const WASM = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...Array.from({ length: 5000 }, (_, i) => i % 251)]);
const WASM_URL = "https://example.org/kurs/assets/lederskap/pyodide/pyodide.asm.wasm";
const GZ_URL = `${WASM_URL}.gz`;

/** A fetch that answers from `files` (URL -> bytes, or a status number) and records what it was asked. */
function server(files) {
  const asked = [];
  const fetchImpl = async (input) => {
    const url = input instanceof Request ? input.url : String(input);
    asked.push(url);
    const file = files[url];
    if (file === undefined) throw new TypeError("Failed to fetch");
    if (typeof file === "number") return new Response("", { status: file });
    return new Response(file, { headers: { "Content-Type": "application/octet-stream" } });
  };
  return { fetchImpl, asked };
}

test("the .wasm is answered with the .gz, decompressed, as application/wasm", async () => {
  const { fetchImpl, asked } = server({ [GZ_URL]: gzipSync(WASM) });
  const failures = [];
  const fetch = wasmFetch(fetchImpl, { wasmUrl: WASM_URL, gzUrl: GZ_URL, failed: (e) => failures.push(e) });
  const response = await fetch(new URL(WASM_URL), { credentials: "same-origin" });
  assert.equal(response.headers.get("Content-Type"), "application/wasm");
  assert.deepEqual(new Uint8Array(await response.arrayBuffer()), WASM);
  assert.deepEqual(asked, [GZ_URL]);
  assert.deepEqual(failures, []);
});

test("a .gz the server has already decompressed (Content-Encoding: gzip) is taken as it is", async () => {
  const { fetchImpl } = server({ [GZ_URL]: WASM });
  const fetch = wasmFetch(fetchImpl, { wasmUrl: WASM_URL, gzUrl: GZ_URL, failed: () => {} });
  assert.deepEqual(new Uint8Array(await (await fetch(WASM_URL)).arrayBuffer()), WASM);
});

test("without a .gz (no DecompressionStream) the .wasm itself is fetched", async () => {
  const { fetchImpl, asked } = server({ [WASM_URL]: WASM });
  const fetch = wasmFetch(fetchImpl, { wasmUrl: WASM_URL, gzUrl: null, failed: () => {} });
  assert.deepEqual(new Uint8Array(await (await fetch(WASM_URL)).arrayBuffer()), WASM);
  assert.deepEqual(asked, [WASM_URL]);
});

test("any other request passes through untouched", async () => {
  const other = "https://example.org/kurs/assets/lederskap/pyodide/python_stdlib_scorer.zip";
  const { fetchImpl, asked } = server({ [other]: new Uint8Array([1, 2, 3]) });
  const fetch = wasmFetch(fetchImpl, { wasmUrl: WASM_URL, gzUrl: GZ_URL, failed: () => assert.fail("not a failure") });
  assert.deepEqual(new Uint8Array(await (await fetch(other)).arrayBuffer()), new Uint8Array([1, 2, 3]));
  assert.deepEqual(asked, [other]);
});

test("a download that fails, or is answered with an error status, is reported at once", async () => {
  for (const files of [{}, { [GZ_URL]: 404 }]) {
    const { fetchImpl } = server(files);
    const failures = [];
    const fetch = wasmFetch(fetchImpl, { wasmUrl: WASM_URL, gzUrl: GZ_URL, failed: (e) => failures.push(e) });
    await assert.rejects(fetch(WASM_URL));
    assert.equal(failures.length, 1);
    assert.ok(failures[0] instanceof Error);
  }
});

test("bytes that do not decompress fail while they are read, and are reported", async () => {
  const broken = gzipSync(WASM).subarray(0, 200); // the connection lost half-way
  const { fetchImpl } = server({ [GZ_URL]: new Uint8Array([...broken, 1, 2, 3]) });
  const failures = [];
  const fetch = wasmFetch(fetchImpl, { wasmUrl: WASM_URL, gzUrl: GZ_URL, failed: (e) => failures.push(e) });
  const response = await fetch(WASM_URL);
  await assert.rejects(response.arrayBuffer());
  assert.equal(failures.length, 1);
});

test("prefetch begins the download at once, and the next request for the .wasm takes it", async () => {
  const { fetchImpl, asked } = server({ [GZ_URL]: gzipSync(WASM) });
  const fetch = wasmFetch(fetchImpl, { wasmUrl: WASM_URL, gzUrl: GZ_URL, failed: () => assert.fail("not a failure") });
  fetch.prefetch();
  fetch.prefetch();
  assert.deepEqual(asked, [GZ_URL]);
  const response = await fetch(WASM_URL);
  assert.deepEqual(new Uint8Array(await response.arrayBuffer()), WASM);
  assert.deepEqual(asked, [GZ_URL]);
  // A later start (the fallback's) downloads it again.
  await (await fetch(WASM_URL)).arrayBuffer();
  assert.deepEqual(asked, [GZ_URL, GZ_URL]);
});

test("a prefetch that fails fails the request that takes it, and is reported", async () => {
  const { fetchImpl } = server({ [GZ_URL]: 404 });
  const failures = [];
  const fetch = wasmFetch(fetchImpl, { wasmUrl: WASM_URL, gzUrl: GZ_URL, failed: (e) => failures.push(e) });
  fetch.prefetch();
  await assert.rejects(fetch(WASM_URL), /HTTP 404/);
  assert.equal(failures.length, 1);
});
