// The module the build writes as assets/lederskap/rich-texts.js
// (lederskap_build/generate.py, plan_outputs; lederskap_build/rich_text.py, course_band_texts):
// the Markdown of every band text of the course, read at build time, as the tree the page
// draws (`export const richTexts = Object.freeze({...})`), by the text as the author wrote it,
// which is how the scorer hands a band's text back in the results.

/** Inline content: plain text, emphasis, code, a line break, a link (full address or course page). */
export type RichInline =
  | string
  | { readonly em: readonly RichInline[] }
  | { readonly strong: readonly RichInline[] }
  | { readonly code: string }
  | { readonly br: true }
  | { readonly a: readonly RichInline[]; readonly href: string }
  | { readonly a: readonly RichInline[]; readonly page: string };

/** A block: a paragraph (in a tight list, without a paragraph around it), or a list of items. */
export type RichBlock =
  | { readonly p: readonly RichInline[]; readonly tight?: true }
  | { readonly ul: readonly (readonly RichBlock[])[] }
  | { readonly ol: readonly (readonly RichBlock[])[]; readonly start?: number };

/** The text as written -> its blocks. */
export const richTexts: Readonly<Record<string, readonly RichBlock[]>>;
