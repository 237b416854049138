// @ts-check
// How the scorer worker (scorer-worker.js) fetches Pyodide's WebAssembly, pyodide.asm.wasm:
//
// * Compressed. At 9.6 MB it is three quarters of what a first visit downloads, and a host
//   that does not compress it (a plain static server, or one that compresses only text) sends
//   all of it. The build writes it gzip-compressed next to it (pyodide.asm.wasm.gz, 3.5 MB,
//   lederskap_build/wasm_gzip.py), and Pyodide's request for the .wasm is answered with that
//   file, decompressed on the device as it arrives (DecompressionStream) and compiled while it
//   streams. A server that sends the .gz with `Content-Encoding: gzip` has the browser
//   decompress it already: the first two bytes tell which. A browser without
//   DecompressionStream fetches the .wasm itself (the service worker then keeps it when fetched).
// * Failing at once. Pyodide catches a failed WebAssembly download itself and only warns, so
//   its start would never end (the page's time limit would say so after a minute); a failure
//   here is also reported to `failed`, which fails the start at once.

/**
 * A fetch for the worker's global scope: the same as `fetchImpl`, but a request for `wasmUrl` is
 * answered as above (from `gzUrl` when it is not null). Its `prefetch()` begins that download at
 * once, before Pyodide's own code has loaded and asks for it: the next request for `wasmUrl`
 * then takes the download under way.
 * @param {typeof fetch} fetchImpl
 * @param {{wasmUrl: string, gzUrl: string | null, failed: (error: Error) => void}} options
 * @returns {typeof fetch & {prefetch: () => void}}
 */
export function wasmFetch(fetchImpl, { wasmUrl, gzUrl, failed }) {
  /** @type {Promise<Response> | null} the download prefetch() began, for the next request */
  let early = null;
  /** @type {typeof fetch} */
  const wasmAware = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url !== wasmUrl) return fetchImpl(input, init);
    const begun = early;
    early = null;
    try {
      const response = await (begun ?? fetchImpl(gzUrl ?? input, init));
      if (!response.ok) throw new Error(`${gzUrl ?? url}: HTTP ${response.status}`);
      if (!gzUrl) return response;
      const body = reportingErrors(await wasmBody(response), failed);
      return new Response(body, { headers: { "Content-Type": "application/wasm" } });
    } catch (error) {
      const reported = error instanceof Error ? error : new Error(String(error));
      failed(reported);
      throw reported;
    }
  };
  const prefetch = () => {
    if (early) return;
    early = fetchImpl(gzUrl ?? wasmUrl);
    early.catch(() => {}); // a failure is the request's that takes it
  };
  return Object.assign(wasmAware, { prefetch });
}

/**
 * `stream`, whose failure while it is read (the connection lost half-way, bytes that do not
 * decompress) is also reported to `failed`: Pyodide, which reads it, would only warn.
 * @param {ReadableStream<Uint8Array>} stream
 * @param {(error: Error) => void} failed
 * @returns {ReadableStream<Uint8Array>}
 */
function reportingErrors(stream, failed) {
  const reader = stream.getReader();
  return new ReadableStream({
    async pull(controller) {
      try {
        const next = await reader.read();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        const reported = error instanceof Error ? error : new Error(String(error));
        failed(reported);
        controller.error(reported);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

/**
 * The WebAssembly bytes of a response for the compressed file: decompressed, unless they already
 * are (gzip's first two bytes are 1f 8b; WebAssembly's are 00 61).
 * @param {Response} response
 * @returns {Promise<ReadableStream<Uint8Array>>}
 */
export async function wasmBody(response) {
  if (!response.body) throw new Error("the WebAssembly file came without a body");
  const reader = response.body.getReader();
  const first = await reader.read();
  /** @type {ReadableStream<Uint8Array>} */
  const body = new ReadableStream({
    start(controller) {
      if (first.done) controller.close();
      else controller.enqueue(first.value);
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  const head = first.done ? new Uint8Array() : first.value;
  const gzipped = head[0] === 0x1f && head[1] === 0x8b;
  if (!gzipped) return body;
  // TypeScript's DOM types take the stream's chunks for BufferSource rather than Uint8Array.
  const gunzip = /** @type {ReadableWritablePair<Uint8Array, Uint8Array>} */ (
    /** @type {unknown} */ (new DecompressionStream("gzip"))
  );
  return body.pipeThrough(gunzip);
}
