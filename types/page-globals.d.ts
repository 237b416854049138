// Globals of the page that are not in TypeScript's DOM library: Material for MkDocs'
// document observable, and our own state for the tests and the curious
// (window.__lederskap). Part of the page's project (tsconfig.json) only.

export {};

declare global {
  interface Window {
    /** Material for MkDocs' document observable; absent on a page without Material's bundle. */
    document$?: MaterialDocumentObservable;
    /** What our code reports of itself; see LederskapDebugState. */
    __lederskap?: LederskapDebugState;
  }

  /** What a Material for MkDocs page publishes of itself (an RxJS subject of its bundle). */
  interface MaterialDocumentObservable {
    /** Called with the document on the first load and after each instant navigation. */
    subscribe(next: (document: Document) => void): unknown;
  }

  /**
   * window.__lederskap: what our code reports of itself, read by the browser tests
   * (tests/browser/) and by anyone curious in the console. Nothing of ours reads it back.
   */
  interface LederskapDebugState {
    /** The pathname of the site root (pages.js). */
    sitePath?: string;
    /** The service worker's registration (offline.js). */
    offline?: LederskapOfflineState;
    /** How many scorer workers this visit started (scorer-client.js). */
    workerStarts?: number;
    /** What the last scorer start reported: its standard library and its start snapshot (scorer-worker.js). */
    start?: unknown;
    /** The scorer's state (scorer-client.js). */
    scorerState?: import("../lederskap_build/assets/lederskap/scorer-client.js").ScorerState;
    /** How many stored records the scorer upgraded (record-sync.js). */
    migrations?: number;
    /** Whether the browser granted persistent storage (course-notes.js). */
    persisted?: boolean;
    /** The last file offered for download (data-file.js). */
    lastDownload?: { name: string; type: string; size: number };
    /** One entry per mounted questionnaire (questionnaire.js). */
    timings?: LederskapTiming[];
  }

  /** When a questionnaire was mounted and first showed results (performance.now()), for the benchmark. */
  interface LederskapTiming {
    /** The questionnaire's id (the form's data-lsk-questionnaire). */
    questionnaire: string | undefined;
    mounted: number | null;
    firstResult: number | null;
  }

  /** window.__lederskap.offline (offline.js). */
  interface LederskapOfflineState {
    state?: "unsupported" | "registering" | "ready" | "failed" | "off";
    /** The site's build hash; once ready, the hash the worker answered with. */
    build?: string;
    /** The worker's cache: "lederskap:<site path>#<build>". */
    cache?: string;
    /** Why a version of the site could not be kept for offline use. */
    installFailed?: string;
    /**
     * The Python runtime's offline copy: waiting for a questionnaire or for the learner to stay,
     * "save-data" (waiting for a questionnaire only), being kept, kept, or failed (offline.js).
     */
    runtime?: "waiting" | "save-data" | "keeping" | "kept" | "failed";
  }
}
