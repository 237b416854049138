// @ts-check
// A member's side of the team page, reached by an invitation link: answer the questionnaire
// the invitation asks for (its form, rendered by the build on this page, stores the answers
// on this device like any other), then seal a reply to the inviter's key (team-crypto.js)
// and pass it on as a link, a text or a file. The site sends nothing; what the reply
// carries is the scorer's choice (reply_answers_json: the ratings only, no written text).

import { copyField } from "./copy-field.js";
import { download } from "./data-file.js";
import { h, replaceChildren } from "./dom.js";
import { counted, t } from "./i18n.js";
import { courseRecords } from "./record-store.js";
import { readInvitation, sealReply } from "./team-crypto.js";

/** @import { TeamOffer, TeamPage } from "./team-page.js" */
/** @import { Invitation } from "./team-crypto.js" */

export class ReplyView {
  /**
   * @param {TeamPage} page
   * @param {string} text the invitation's text (the link's fragment)
   */
  constructor(page, text) {
    this.page = page;
    this.text = text;
    this.said = h("div", { class: "lsk-team-said", role: "status", "data-lsk-team-said": true });
    this.output = h("div", { class: "lsk-team-reply-output", "data-lsk-team-reply": true });
  }

  show() {
    const generation = this.page.generation;
    this.read()
      .then((found) => {
        if (!this.page.current(generation)) return;
        if ("problem" in found) this.refuse(found.problem);
        else this.invite(found.invitation, found.offer);
      })
      .catch((error) => {
        console.error("lederskap: could not read the invitation", error);
        this.refuse(t("team.invitation.damaged"));
      });
  }

  /**
   * The invitation and what it asks for on this site, or why it cannot be answered here.
   * @returns {Promise<{invitation: Invitation, offer: TeamOffer} | {problem: string}>}
   */
  async read() {
    const read = await readInvitation(this.text);
    if (!read.ok) return { problem: t(`team.invitation.${read.problem}`) };
    const invitation = read.value;
    if (invitation.course !== this.page.course) return { problem: t("team.invitation.other-course") };
    const offer = this.page.offers.find((o) => o.questionnaire === invitation.questionnaire);
    if (!offer) return { problem: t("team.invitation.other-questionnaire") };
    if (offer.version !== invitation.version) return { problem: t("team.invitation.other-version", { title: offer.title }) };
    return { invitation, offer };
  }

  /** @param {string} problem */
  refuse(problem) {
    const heading = h("h2", { id: "lsk-team-refused-title" }, t("team.member.refused_heading"));
    this.page.show(
      h(
        "section",
        { class: "lsk-team-section", "aria-labelledby": "lsk-team-refused-title" },
        heading,
        h("p", { class: "lsk-notice", "data-lsk-team-refused": true }, problem),
        h("p", {}, this.page.homeLink()),
      ),
    );
    this.page.focusHeading(heading);
  }

  /**
   * Show the invitation, its form and the step that makes the reply.
   * @param {Invitation} invitation
   * @param {TeamOffer} offer
   */
  invite(invitation, offer) {
    const min = minReplies(offer.definition);
    // The page's own text above is for the inviter: a member is taken to their invitation.
    const heading = h("h2", { id: "lsk-team-member-title" }, t("team.member.heading"));
    // Answers are kept per questionnaire: an earlier invitation's, or another person's on a
    // shared computer, would be in the form already, and sealed with "Lag svaret".
    const earlier = courseRecords(this.page.sitePath, this.page.course).get(offer.questionnaire)?.record;
    const answeredBefore = Boolean(earlier && Object.keys(earlier.answers).length);
    this.page.show(
      h(
        "section",
        { class: "lsk-team-section", "aria-labelledby": "lsk-team-member-title", "data-lsk-team-member": true },
        heading,
        h("p", {}, t(offer.kind === "view" ? "team.member.intro_view" : "team.member.intro_group", { title: offer.title })),
        h("p", {}, t("team.member.privacy", { min })),
        answeredBefore ? h("p", { class: "lsk-notice", "data-lsk-team-prefilled": true }, t("team.member.prefilled")) : null,
        h("p", {}, this.page.homeLink()),
      ),
    );
    const form = this.page.forms.get(offer.questionnaire);
    if (form) form.hidden = false;
    const make = h("button", { type: "button", class: "lsk-button", "data-lsk-team-make": true }, t("team.member.make"));
    make.addEventListener("click", () => {
      this.make(invitation, offer).catch((error) => {
        console.error("lederskap: could not make the reply", error);
        this.said.textContent = t("team.member.failed");
      });
    });
    const step = h(
      "section",
      { class: "lsk-team-section lsk-team-make", "aria-labelledby": "lsk-team-make-title" },
      h("h2", { id: "lsk-team-make-title" }, t("team.member.make_heading")),
      h("p", {}, t("team.member.make_intro")),
      h("div", { class: "lsk-toolbar-row" }, make),
      this.said,
      this.output,
    );
    (form || this.page.body).after(step);
    this.page.afterForm = step;
    this.page.focusHeading(heading);
  }

  /**
   * Seal this device's answers to the invitation and show the reply in its three forms.
   * @param {Invitation} invitation
   * @param {TeamOffer} offer
   */
  async make(invitation, offer) {
    replaceChildren(this.output);
    const record = courseRecords(this.page.sitePath, this.page.course).get(offer.questionnaire)?.record;
    const answers = record ? JSON.stringify(record.answers) : "{}";
    let carried;
    try {
      carried = await this.page.scorer.replyAnswers(offer.definition, answers);
    } catch {
      this.said.textContent = t("team.member.no_scorer");
      return;
    }
    const count = Object.keys(JSON.parse(carried)).length;
    if (count === 0) {
      this.said.textContent = t("team.member.nothing");
      return;
    }
    const reply = await sealReply(invitation, carried);
    this.said.textContent = counted(count, "team.member.ready");
    const save = h("button", { type: "button", class: "lsk-button", "data-lsk-team-download": true }, t("team.member.download"));
    save.addEventListener("click", () => {
      const name = download(`${t("team.member.file_name")}-${offer.questionnaire}.txt`, `${reply}\n`, "text/plain;charset=utf-8");
      this.said.textContent = t("team.member.downloaded", { file: name });
    });
    replaceChildren(
      this.output,
      h("p", {}, t("team.member.send")),
      copyField({ label: t("team.member.as_link"), value: this.page.linkTo(reply), button: t("team.member.copy_link"), name: "reply-link" }),
      copyField({ label: t("team.member.as_text"), value: reply, multiline: true, button: t("team.member.copy_text"), name: "reply-text" }),
      h("div", { class: "lsk-toolbar-row" }, save),
      h("p", { class: "lsk-hint" }, t("team.member.once")),
      h("p", { class: "lsk-hint" }, t("team.member.kept")),
    );
  }
}

/**
 * The replies a team result needs before it shows a dimension: the questionnaire's
 * min_replies, as the build wrote it into the definition (the scorer's default included).
 * @param {string} definition
 * @returns {number}
 */
function minReplies(definition) {
  return Number(JSON.parse(definition).min_replies);
}
