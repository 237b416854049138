// @ts-check
// A text to pass on (an invitation link, a reply): shown in a read-only field with its
// label, and a button that copies it. Where the clipboard cannot be written (an address
// that is not secure, a browser that refuses), the text is selected so that the learner
// can copy it themselves, and the line under the button says so.

import { h, uniqueId } from "./dom.js";
import { t } from "./i18n.js";

/**
 * Copy `field`'s text; true when it is on the clipboard.
 * @param {HTMLInputElement | HTMLTextAreaElement} field
 * @returns {Promise<boolean>}
 */
async function copy(field) {
  try {
    await navigator.clipboard.writeText(field.value);
    return true;
  } catch {
    field.focus();
    field.select();
    return false;
  }
}

/**
 * A labelled read-only field holding `value`, with a copy button.
 * @param {{label: string, value: string, multiline?: boolean, button: string, name: string}} options
 *   name: what the field holds, for the tests and the page's styles (data-lsk-copy)
 * @returns {HTMLElement}
 */
export function copyField({ label, value, multiline = false, button, name }) {
  const id = uniqueId("lsk-copy");
  const attrs = { id, class: "lsk-text-input lsk-copy-value", readonly: true, "data-lsk-copy": name, spellcheck: "false" };
  const field = multiline ? h("textarea", { ...attrs, rows: 4 }) : h("input", { ...attrs, type: "text" });
  field.value = value;
  const said = h("span", { class: "lsk-copy-said", role: "status" });
  const copyButton = h("button", { type: "button", class: "lsk-button" }, button);
  copyButton.addEventListener("click", async () => {
    said.textContent = (await copy(field)) ? t("copy.done") : t("copy.select");
  });
  return h(
    "div",
    { class: "lsk-copy" },
    h("label", { for: id, class: "lsk-field-label" }, label),
    field,
    h("div", { class: "lsk-toolbar-row" }, copyButton, said),
  );
}
