// @ts-check
// An accessible confirmation step: a modal <dialog> with a heading, a sentence saying
// what will happen, and two buttons. Focus starts on the safe choice (cancel),
// Escape cancels, and focus returns to the control that opened it. Used before
// anything is deleted or replaced; never window.confirm.

import { h, uniqueId } from "./dom.js";
import { t } from "./i18n.js";

/**
 * Ask the learner to confirm; resolves to true (confirmed) or false.
 * {title, text, confirm: the confirming button's text, cancel (optional)}
 * @param {{title: string, text: string, confirm: string, cancel?: string}} options
 * @returns {Promise<boolean>}
 */
export function confirmAction({ title, text, confirm, cancel = t("dialog.cancel") }) {
  // Any focused element: HTML and SVG elements can take focus back, others cannot.
  const opener = /** @type {(Element & Partial<HTMLOrSVGElement>) | null} */ (document.activeElement);
  const titleId = uniqueId("lsk-dialog-title");
  const textId = uniqueId("lsk-dialog-text");
  const cancelButton = h("button", { type: "button", class: "lsk-button", "data-lsk-dialog": "cancel" }, cancel);
  const confirmButton = h(
    "button",
    { type: "button", class: "lsk-button lsk-button--danger", "data-lsk-dialog": "confirm" },
    confirm,
  );
  const dialog = h(
    "dialog",
    { class: "lsk-dialog", "aria-labelledby": titleId, "aria-describedby": textId },
    h("h2", { class: "lsk-dialog-title", id: titleId }, title),
    h("p", { class: "lsk-dialog-text", id: textId }, text),
    h("div", { class: "lsk-dialog-buttons" }, cancelButton, confirmButton),
  );
  document.body.append(dialog);
  return new Promise((resolve) => {
    let done = false;
    const finish = (/** @type {boolean} */ confirmed) => {
      if (done) return;
      done = true;
      if (dialog.open) dialog.close();
      dialog.remove();
      if (opener && opener.isConnected && typeof opener.focus === "function") opener.focus();
      resolve(confirmed);
    };
    confirmButton.addEventListener("click", () => finish(true));
    cancelButton.addEventListener("click", () => finish(false));
    dialog.addEventListener("cancel", (event) => {
      event.preventDefault();
      finish(false);
    });
    dialog.addEventListener("close", () => finish(false));
    if (typeof dialog.showModal === "function") {
      dialog.showModal();
    } else {
      dialog.setAttribute("open", "");
    }
    cancelButton.focus();
  });
}
