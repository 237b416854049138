// @ts-check
// "Med teamet ditt" on the results page (the section the build writes when the course has a
// team page, lederskap_build/my_results.py): each invitation kept in this browser, what it
// asks, when it was made, how many replies are opened, and whether its key is here, with a
// link to the team page, where its replies are opened and its team result is shown.
//
// The opened replies are read from localStorage (team-replies.js), the keys' existence from
// IndexedDB (team-keys.js, invitationsOnDevice, which never creates the database), so the
// list is drawn without Python. An invitation whose key is not here (another device, an
// imported file) still has its replies: they came with the export; the keys never do.
//
// Not printed (lederskap.css): the list is about this browser (where keys are, where to go),
// which means nothing on paper; the printed page is the learner's own answers and results.

import { h, replaceChildren } from "./dom.js";
import { counted, t } from "./i18n.js";
import { formatTime } from "./snapshots.js";
import { invitationsOnDevice } from "./team-keys.js";
import { readTeam } from "./team-replies.js";

/** @import { StoredInvitation } from "./team-keys.js" */

/**
 * What an invitation can ask for, as the build wrote it (li[data-lsk-team-offer]).
 * @typedef {{kind: "view" | "group", title: string}} Offered
 */

/**
 * One invitation as the list shows it.
 * @typedef {object} ListedInvitation
 * @property {string} id
 * @property {"view" | "group"} kind
 * @property {string} questionnaire the questionnaire the members answer
 * @property {string} created
 * @property {number} opened how many replies are opened and kept here
 */

export class TeamSummary {
  /**
   * @param {HTMLElement} container the results page's div.lsk-my-results
   * @param {{sitePath: string, course: string}} page
   */
  constructor(container, { sitePath, course }) {
    this.container = container;
    this.sitePath = sitePath;
    this.course = course;
    /** @type {HTMLElement | null} the build's section; null until needed when the course has no team page */
    this.section = container.querySelector("[data-lsk-my-results-team]");
    /** @type {Map<string, Offered>} by the id of the questionnaire the members answer */
    this.offered = new Map();
    for (const item of /** @type {NodeListOf<HTMLElement>} */ (container.querySelectorAll("[data-lsk-team-offers] li"))) {
      const kind = item.dataset.lskTeamOffer === "group" ? "group" : "view";
      this.offered.set(item.dataset.lskQuestionnaire || "", { kind, title: item.dataset.lskTitle || "" });
    }
    /** the number of the latest drawing asked for: an older one, finishing later, draws nothing */
    this.drawing = 0;
  }

  /**
   * Draw the list again from what is stored (after an import, a delete, another tab's change).
   * @returns {Promise<void>}
   */
  async refresh() {
    const drawing = ++this.drawing;
    const team = readTeam(this.sitePath, this.course);
    /** @type {StoredInvitation[] | null} null: IndexedDB cannot be used here */
    let keys;
    try {
      keys = await invitationsOnDevice(this.sitePath, this.course);
    } catch (error) {
      console.error("lederskap: could not read the invitation keys", error);
      keys = null;
    }
    if (drawing !== this.drawing) return;
    const listed = this.invitations(team.ok ? team.invitations : {}, keys || []);
    if (!this.section) {
      // A course without a team page, with team data kept (from an import, or an earlier version
      // of the course): shown all the same, since it is exported and deleted with the rest.
      if (!listed.length && team.ok) return;
      this.section = this.newSection();
    }
    const body = /** @type {HTMLElement} */ (this.section.querySelector("[data-lsk-my-results-team-body]") || this.section);
    const here = keys ? new Set(keys.map((key) => key.invitation)) : null;
    const page = this.section.dataset.lskTeamPage;
    replaceChildren(
      body,
      team.ok ? null : h("p", { class: "lsk-notice" }, t("mine.team_unreadable")),
      keys ? null : h("p", { class: "lsk-notice" }, t("mine.team_keys_unknown")),
      listed.length
        ? h("ul", { class: "lsk-my-results-invitations" }, listed.map((invitation) => this.item(invitation, here)))
        : h("p", {}, t("team.invitations.none")),
      page !== undefined
        ? h(
            "p",
            { class: "lsk-my-results-link" },
            h("a", { href: `${this.sitePath}${page}` }, t("mine.team_go", { page: this.section.dataset.lskTeamTitle || "" })),
          )
        : null,
    );
    this.section.dataset.lskTeamInvitations = String(listed.length);
  }

  /**
   * Every invitation of the course in this browser, newest first: those whose replies are kept,
   * and those whose keys are here without any (their entry was lost another way).
   * @param {Record<string, import("./team-replies.js").InvitationReplies>} kept
   * @param {StoredInvitation[]} keys
   * @returns {ListedInvitation[]}
   */
  invitations(kept, keys) {
    /** @type {Map<string, ListedInvitation>} */
    const all = new Map();
    for (const [id, invitation] of Object.entries(kept)) {
      const { kind, questionnaire, created } = invitation;
      all.set(id, { id, kind, questionnaire, created, opened: invitation.replies.length });
    }
    for (const key of keys) {
      if (all.has(key.invitation)) continue;
      const kind = this.offered.get(key.questionnaire)?.kind || "view";
      all.set(key.invitation, { id: key.invitation, kind, questionnaire: key.questionnaire, created: key.created, opened: 0 });
    }
    return [...all.values()].sort((a, b) => b.created.localeCompare(a.created) || a.id.localeCompare(b.id));
  }

  /**
   * What an invitation asks, in words ("«Slik ser medarbeiderne lederen»: medarbeiderne vurderer
   * deg", "Gruppebilde: «…»"), by the title of the questionnaire the members answer (its id when
   * the course no longer offers it). Also the import preview's name of an invitation.
   * @param {"view" | "group"} kind
   * @param {string} questionnaire
   * @returns {string}
   */
  asks(kind, questionnaire) {
    const title = this.offered.get(questionnaire)?.title || questionnaire;
    return t(kind === "group" ? "team.create.group" : "team.create.view", { title });
  }

  /**
   * One invitation of the list.
   * @param {ListedInvitation} invitation
   * @param {Set<string> | null} here the invitations whose keys are here; null: cannot be told
   * @returns {HTMLLIElement}
   */
  item(invitation, here) {
    const key = here === null ? "unknown" : here.has(invitation.id) ? "here" : "absent";
    return h(
      "li",
      { class: "lsk-my-results-invitation", "data-lsk-team-invitation": invitation.id, "data-lsk-team-key": key },
      h("strong", {}, this.asks(invitation.kind, invitation.questionnaire)),
      h(
        "p",
        {},
        t("team.invitation.made", { date: formatTime(invitation.created) }),
        " ",
        counted(invitation.opened, "team.invitation.opened"),
      ),
      key === "unknown" ? null : h("p", { class: "lsk-hint" }, t(key === "here" ? "mine.team_key_here" : "mine.team_key_absent")),
    );
  }

  /**
   * The section, made here for a course whose build wrote none (it has no team page to link to).
   * @returns {HTMLElement}
   */
  newSection() {
    const titleId = "lsk-my-results-team-title";
    const section = h(
      "section",
      { class: "lsk-my-results-team", "data-lsk-my-results-team": true, "aria-labelledby": titleId },
      h("h2", { class: "lsk-my-results-title", id: titleId }, t("mine.team_heading")),
      h("p", { class: "lsk-my-results-team-key" }, t("mine.team_key")),
      h("div", { class: "lsk-my-results-team-body", "data-lsk-my-results-team-body": true }),
    );
    const others = this.container.querySelector(".lsk-my-results-others");
    if (others) others.before(section);
    else this.container.append(section);
    return section;
  }
}
