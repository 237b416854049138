// @ts-check
// The inviter's side of the team page: make an invitation (its keys stay on this device:
// team-keys.js), pass on its link or QR code, open the replies that come back, and see
// the team result of each invitation (the scorer's team_json, drawn by
// team-result-view.js), never one reply on its own.

import { copyField } from "./copy-field.js";
import { confirmAction } from "./confirm-dialog.js";
import { readChosenFile } from "./data-file.js";
import { h, replaceChildren, uniqueId } from "./dom.js";
import { counted, language, t } from "./i18n.js";
import { qrMatrix, qrSvg } from "./qr-code.js";
import { courseRecords } from "./record-store.js";
import { invitationText, openReply, readReplyHeader, replyTextsIn } from "./team-crypto.js";
import { createInvitation, deleteInvitation, invitationKeys, listInvitations } from "./team-keys.js";
import { addInvitation, addReply, readTeam, removeInvitation } from "./team-replies.js";
import { teamResultView } from "./team-result-view.js";

/** @import { TeamOffer, TeamPage } from "./team-page.js" */
/** @import { StoredInvitation } from "./team-keys.js" */
/** @import { InvitationReplies } from "./team-replies.js" */

/**
 * The date of an ISO time, as the page's language writes it.
 * @param {string} time
 * @returns {string}
 */
function dateText(time) {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? time : date.toLocaleDateString(language, { dateStyle: "long" });
}

/** @type {Map<string, Promise<string[]>>} what opening each reply link of this visit said */
const linkOutcomes = new Map();

/**
 * Open every reply in `text` and keep those that open: a sentence per way they ended.
 * @param {InvitationsView} view
 * @param {string} text
 * @returns {Promise<string[]>}
 */
async function openAll(view, text) {
  const replies = replyTextsIn(text);
  if (!replies.length) return [t("team.reply.not-a-reply")];
  /** @type {Map<string, number>} how many replies ended each way, by message key */
  const outcomes = new Map();
  for (const reply of replies) {
    const key = await view.openOne(reply);
    outcomes.set(key, (outcomes.get(key) || 0) + 1);
  }
  const order = ["team.open.stored", "team.open.kept", "team.open.duplicate"];
  const rank = (/** @type {string} */ key) => (order.includes(key) ? order.indexOf(key) : order.length);
  const keys = [...outcomes.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return keys.map((key) => {
    const n = outcomes.get(key) || 0;
    return key.startsWith("team.open.") ? counted(n, key) : `${counted(n, "team.open.refused")} ${t(key)}`;
  });
}

export class InvitationsView {
  /** @param {TeamPage} page */
  constructor(page) {
    this.page = page;
    this.said = h("div", { class: "lsk-team-said", role: "status", "data-lsk-team-said": true });
    /** What deleting an invitation said, under the list's heading */
    this.listSaid = h("div", { class: "lsk-team-said", role: "status", "data-lsk-team-list-said": true });
    /** What making an invitation said, by its button */
    this.created = h("div", { class: "lsk-team-said", role: "status", "data-lsk-team-created": true });
    this.list = h("div", { class: "lsk-team-invitations", "data-lsk-team-invitations": true });
    /** @type {StoredInvitation[] | null} the keys on this device; null: they cannot be read here */
    this.keys = [];
  }

  show() {
    this.page.show(
      this.createSection(),
      this.openSection(),
      h(
        "section",
        { class: "lsk-team-section", "aria-labelledby": "lsk-team-invitations-title" },
        h("h2", { id: "lsk-team-invitations-title" }, t("team.invitations.heading")),
        this.listSaid,
        this.list,
      ),
      this.protectionSection(),
    );
    this.refresh().catch((error) => console.error("lederskap: could not show the invitations", error));
  }

  /**
   * "Lag en invitasjon": what to ask for, and the button.
   * @returns {HTMLElement}
   */
  createSection() {
    const offers = this.page.offers;
    if (!offers.length) {
      return h("section", { class: "lsk-team-section" }, h("p", {}, t("team.create.none")));
    }
    const name = uniqueId("lsk-team-offer");
    const choices = offers.map((offer, index) => {
      const id = uniqueId("lsk-team-offer-choice");
      const hintId = `${id}-hint`;
      const input = h("input", {
        type: "radio",
        name,
        id,
        value: String(index),
        checked: index === 0,
        "aria-describedby": hintId,
        "data-lsk-team-choice": `${offer.kind}:${offer.questionnaire}`,
      });
      const label =
        offer.kind === "view"
          ? t("team.create.view", { title: offer.title })
          : t("team.create.group", { title: offer.title });
      const hint =
        offer.kind === "view" ? t("team.create.view_hint", { own: offer.ownTitle }) : t("team.create.group_hint");
      return h(
        "div",
        { class: "lsk-team-choice" },
        input,
        h("label", { for: id }, label),
        h("p", { class: "lsk-hint", id: hintId }, hint),
      );
    });
    const button = h("button", { type: "button", class: "lsk-button", "data-lsk-team-create": true }, t("team.create.button"));
    const fieldset = h("fieldset", { class: "lsk-team-choices" }, h("legend", {}, t("team.create.legend")), choices);
    button.addEventListener("click", () => {
      const chosen = /** @type {HTMLInputElement | null} */ (fieldset.querySelector("input:checked"));
      const offer = offers[Number(chosen ? chosen.value : 0)];
      this.create(offer).catch((error) => {
        console.error("lederskap: could not make the invitation", error);
        this.created.textContent = t("team.create.failed");
      });
    });
    return h(
      "section",
      { class: "lsk-team-section", "aria-labelledby": "lsk-team-create-title" },
      h("h2", { id: "lsk-team-create-title" }, t("team.create.heading")),
      h("p", {}, t("team.create.intro")),
      fieldset,
      button,
      this.created,
    );
  }

  /**
   * "Åpne svar": paste replies, or choose a file of them.
   * @returns {HTMLElement}
   */
  openSection() {
    const pasteId = uniqueId("lsk-team-paste");
    const fileId = uniqueId("lsk-team-file");
    const paste = h("textarea", { id: pasteId, class: "lsk-text-input lsk-copy-value", rows: 4, "data-lsk-team-paste": true, spellcheck: "false" });
    const openButton = h("button", { type: "button", class: "lsk-button", "data-lsk-team-open": true }, t("team.open.button"));
    openButton.addEventListener("click", () => {
      const text = paste.value;
      this.openText(text)
        .then(() => {
          // Emptied once opened, unless something else was pasted meanwhile.
          if (paste.value === text) paste.value = "";
        })
        .catch((error) => console.error("lederskap: could not open the replies", error));
    });
    const file = h("input", { type: "file", id: fileId, class: "lsk-file-input", accept: ".txt,text/plain", multiple: true, "data-lsk-team-file": true });
    file.addEventListener("change", async () => {
      const texts = [];
      for (const chosen of file.files || []) {
        const read = await readChosenFile(chosen);
        if (read.text !== undefined) texts.push(read.text);
      }
      file.value = "";
      await this.openText(texts.join("\n"));
    });
    return h(
      "section",
      { class: "lsk-team-section", "aria-labelledby": "lsk-team-open-title" },
      h("h2", { id: "lsk-team-open-title" }, t("team.open.heading")),
      h("p", {}, t("team.open.intro")),
      h("label", { for: pasteId, class: "lsk-field-label" }, t("team.open.paste")),
      paste,
      h("div", { class: "lsk-toolbar-row" }, openButton),
      h("label", { for: fileId, class: "lsk-field-label" }, t("team.open.file")),
      file,
      this.said,
    );
  }

  /** @returns {HTMLElement} */
  protectionSection() {
    const points = ["server", "only_you", "stored", "who", "guess", "anyone", "device", "export"];
    return h(
      "section",
      { class: "lsk-team-section", "aria-labelledby": "lsk-team-protection-title" },
      h("h2", { id: "lsk-team-protection-title" }, t("team.protection.heading")),
      h("ul", {}, points.map((point) => h("li", {}, t(`team.protection.${point}`)))),
    );
  }

  /** @param {string} text */
  say(text) {
    this.said.textContent = text;
  }

  /**
   * Make an invitation for `offer`, keep it, and show it.
   * @param {TeamOffer} offer
   */
  async create(offer) {
    let made;
    try {
      made = await createInvitation(this.page.sitePath, this.page.course, offer.questionnaire, offer.version);
    } catch (error) {
      console.error("lederskap: could not keep the invitation's key", error);
      this.created.textContent = t("team.keys_unavailable");
      return;
    }
    const stored = addInvitation(this.page.sitePath, this.page.course, made.invitation.invitation, {
      kind: offer.kind,
      questionnaire: offer.questionnaire,
      version: offer.version,
      own: offer.own,
      created: made.invitation.created,
    });
    this.created.textContent = stored === "unreadable" ? t("team.store.unreadable") : t("team.create.done");
    await this.refresh();
    const article = this.list.querySelector(`[data-lsk-invitation="${made.invitation.invitation}"]`);
    const field = article && /** @type {HTMLElement | null} */ (article.querySelector("[data-lsk-copy]"));
    field?.focus();
  }

  /**
   * Open every reply in `text` (pasted, from files or a link), keep those that open, and say
   * what happened to each.
   * @param {string} text
   */
  async openText(text) {
    this.tell(await openAll(this, text));
    await this.refresh();
  }

  /**
   * Open the reply of a link this page was opened with. Material's instant navigation may
   * show the page twice for one link (a second container, a second view): the reply is
   * opened once per visit, and each view says what happened to it.
   * @param {string} text
   */
  async openLink(text) {
    let outcome = linkOutcomes.get(text);
    if (!outcome) {
      outcome = openAll(this, text);
      linkOutcomes.set(text, outcome);
    }
    this.tell(await outcome);
    await this.refresh();
  }

  /** @param {string[]} lines what happened to the replies */
  tell(lines) {
    replaceChildren(this.said, lines.length === 1 ? lines[0] : h("ul", {}, lines.map((line) => h("li", {}, line))));
  }

  /**
   * Open and keep one reply; the message key of what happened.
   * @param {string} text
   * @returns {Promise<string>}
   */
  async openOne(text) {
    const header = readReplyHeader(text);
    if (!header.ok) return `team.reply.${header.problem}`;
    if (header.value.course !== this.page.course) return "team.reply.other-course";
    let keys;
    try {
      keys = await invitationKeys(this.page.sitePath, this.page.course, header.value.invitation);
    } catch {
      return "team.keys_unavailable";
    }
    if (!keys) {
      // An invitation whose replies are here (imported, or its key lost) but whose key is not.
      const team = readTeam(this.page.sitePath, this.page.course);
      return team.ok && team.invitations[header.value.invitation] ? "team.reply.no-key" : "team.reply.other-invitation";
    }
    const opened = await openReply(text, keys);
    if (!opened.ok) return `team.reply.${opened.problem}`;
    let added = addReply(this.page.sitePath, this.page.course, keys.invitation, {
      id: opened.value.replyId,
      answers: opened.value.plaintext,
    });
    if (added === "unknown-invitation") {
      // The keys are here but their replies' entry is gone (the course's answers were
      // deleted in another way): the invitation is kept again from its keys.
      const offer = this.page.offers.find((o) => o.questionnaire === keys.questionnaire);
      if (!offer) return "team.reply.other-questionnaire";
      addInvitation(this.page.sitePath, this.page.course, keys.invitation, {
        kind: offer.kind,
        questionnaire: offer.questionnaire,
        version: keys.version,
        own: offer.own,
        created: keys.created,
      });
      added = addReply(this.page.sitePath, this.page.course, keys.invitation, {
        id: opened.value.replyId,
        answers: opened.value.plaintext,
      });
    }
    const keyOf = {
      stored: "team.open.stored",
      kept: "team.open.kept",
      duplicate: "team.open.duplicate",
      full: "team.open.full",
      "unknown-invitation": "team.reply.other-invitation",
      unreadable: "team.store.unreadable",
    };
    return keyOf[added];
  }

  /** Draw every invitation: those whose keys are here, and those whose replies are kept. */
  async refresh() {
    const generation = this.page.generation;
    try {
      this.keys = await listInvitations(this.page.sitePath, this.page.course);
    } catch (error) {
      console.error("lederskap: could not read the invitation keys", error);
      this.keys = null;
    }
    const team = readTeam(this.page.sitePath, this.page.course);
    const kept = team.ok ? team.invitations : {};
    /** @type {Map<string, {keys: StoredInvitation | null, replies: InvitationReplies | null, created: string}>} */
    const all = new Map();
    for (const keys of this.keys || []) all.set(keys.invitation, { keys, replies: kept[keys.invitation] || null, created: keys.created });
    for (const [id, replies] of Object.entries(kept)) {
      if (!all.has(id)) all.set(id, { keys: null, replies, created: replies.created });
    }
    const newestFirst = [...all.entries()].sort((a, b) => b[1].created.localeCompare(a[1].created));
    const articles = [];
    for (const [id, entry] of newestFirst) articles.push(await this.invitationArticle(id, entry.keys, entry.replies));
    if (!this.page.current(generation)) return;
    replaceChildren(
      this.list,
      team.ok ? null : h("p", { class: "lsk-notice" }, t("team.store.unreadable")),
      this.keys === null ? h("p", { class: "lsk-notice" }, t("team.keys_unavailable")) : null,
      articles.length ? articles : h("p", {}, t("team.invitations.none")),
    );
  }

  /**
   * One invitation: what it asks, its link and QR code (while its key is here), its team result.
   * @param {string} id
   * @param {StoredInvitation | null} keys
   * @param {InvitationReplies | null} replies
   * @returns {Promise<HTMLElement>}
   */
  async invitationArticle(id, keys, replies) {
    const questionnaire = keys ? keys.questionnaire : replies ? replies.questionnaire : "";
    const offer = this.page.offers.find((o) => o.questionnaire === questionnaire) || null;
    const kind = replies ? replies.kind : offer ? offer.kind : "view";
    const title = offer ? offer.title : questionnaire;
    const titleId = uniqueId("lsk-team-invitation-title");
    const created = keys ? keys.created : replies ? replies.created : "";
    const opened = replies ? replies.replies.length : 0;
    /** @type {(HTMLElement | null)[]} */
    const parts = [
      h("h3", { id: titleId }, t(kind === "group" ? "team.invitation.title_group" : "team.invitation.title_view", { title })),
      h("p", {}, t("team.invitation.made", { date: dateText(created) }), " ", counted(opened, "team.invitation.opened")),
    ];
    if (keys) {
      const link = this.page.linkTo(invitationText(keys));
      parts.push(
        copyField({ label: t("team.invitation.link"), value: link, button: t("team.invitation.copy"), name: "invitation" }),
        this.qrFigure(link),
      );
    } else {
      parts.push(h("p", { class: "lsk-hint" }, t("team.invitation.no_key")));
    }
    parts.push(await this.resultOf(replies, offer));
    const remove = h("button", { type: "button", class: "lsk-button lsk-button--danger", "data-lsk-team-delete": true }, t("team.invitation.delete"));
    remove.addEventListener("click", () => this.remove(id, title));
    parts.push(h("div", { class: "lsk-toolbar-row" }, remove));
    return h("article", { class: "lsk-team-invitation", "data-lsk-invitation": id, "aria-labelledby": titleId }, parts);
  }

  /**
   * The QR code of an invitation's link, drawn on this device.
   * @param {string} link
   * @returns {HTMLElement | null}
   */
  qrFigure(link) {
    let code;
    try {
      code = qrSvg(document, qrMatrix(link), t("team.invitation.qr_label"));
    } catch (error) {
      console.error("lederskap: no QR code for the invitation", error);
      return null;
    }
    return h("figure", { class: "lsk-team-qr" }, code, h("figcaption", {}, t("team.invitation.qr_caption")));
  }

  /**
   * The team result of an invitation's replies, from the scorer.
   * @param {InvitationReplies | null} replies
   * @param {TeamOffer | null} offer
   * @returns {Promise<HTMLElement>}
   */
  async resultOf(replies, offer) {
    if (!replies || !replies.replies.length) return h("p", {}, t("team.result.none"));
    if (!offer || offer.version !== replies.version) return h("p", { class: "lsk-notice" }, t("team.result.other_version"));
    let ownAnswers = "null";
    if (replies.kind === "view") {
      const record = courseRecords(this.page.sitePath, this.page.course).get(offer.own)?.record;
      if (record) ownAnswers = JSON.stringify(record.answers);
    }
    try {
      const json = await this.page.scorer.team({
        own: offer.ownDefinition,
        others: offer.definition,
        ownAnswers,
        replies: JSON.stringify(replies.replies.map((reply) => reply.answers)),
        language,
      });
      return teamResultView(JSON.parse(json), replies.kind, this.ownLink(offer));
    } catch (error) {
      console.error("lederskap: no team result", error);
      return h("p", { class: "lsk-notice" }, t("team.result.no_scorer"));
    }
  }

  /**
   * A link to the page where the inviter answers their own questionnaire (none for a group,
   * or when no page places it).
   * @param {TeamOffer} offer
   * @returns {HTMLAnchorElement | null}
   */
  ownLink(offer) {
    if (offer.kind !== "view" || !offer.page) return null;
    return h("a", { href: this.page.sitePath + offer.page }, offer.ownTitle);
  }

  /**
   * Delete an invitation: its key and its replies, after asking.
   * @param {string} id
   * @param {string} title
   */
  async remove(id, title) {
    const confirmed = await confirmAction({
      title: t("team.delete.title", { title }),
      text: t("team.delete.text"),
      confirm: t("team.delete.confirm"),
    });
    if (!confirmed) {
      this.listSaid.textContent = t("delete.cancelled");
      return;
    }
    let keysGone = true;
    try {
      await deleteInvitation(this.page.sitePath, this.page.course, id);
    } catch {
      keysGone = this.keys === null; // No keys can be read here: there are none to delete.
    }
    const repliesGone = removeInvitation(this.page.sitePath, this.page.course, id);
    await this.refresh();
    // The button is gone with its invitation: the reader is taken to the list's heading.
    this.page.focusHeading(this.page.body.querySelector("#lsk-team-invitations-title"));
    this.listSaid.textContent = t(keysGone && repliesGone ? "team.delete.done" : "team.delete.failed");
  }
}
