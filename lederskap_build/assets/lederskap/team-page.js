// @ts-check
// The team page (the ::team directive, lederskap_build/team_page.py): one page, two uses,
// chosen by the address's fragment, which a browser never sends to the host:
//
//   #lsk-invite.1....  a member opened an invitation link: they answer the questionnaire it
//                      asks for and seal a reply (team-reply-view.js);
//   #lsk-reply.1....   the inviter opened a reply link: it is opened and kept (once: opened
//                      again, it is said to be kept already), then as below;
//   anything else      the inviter's invitations, the replies opened and the team results
//                      (team-invitations-view.js).
//
// The formats and the cryptography are team-crypto.js's (scorer/TEAM.md); the keys are kept
// by team-keys.js, the opened replies by team-replies.js, and the team result is the scorer's.

import { h, replaceChildren } from "./dom.js";
import { t } from "./i18n.js";
import { scorer as getScorer } from "./scorer-client.js";
import { StatusView } from "./status-view.js";
import { INVITATION_PREFIX, REPLY_PREFIX } from "./team-crypto.js";
import { InvitationsView } from "./team-invitations-view.js";
import { ReplyView } from "./team-reply-view.js";

/** @import { Scorer } from "./scorer-client.js" */

/**
 * What an invitation can ask for (the build's li[data-lsk-team-offer]).
 * @typedef {object} TeamOffer
 * @property {"view" | "group"} kind
 * @property {string} questionnaire the questionnaire the members answer
 * @property {number} version
 * @property {string} title
 * @property {string} definition its definition JSON
 * @property {string} own the inviter's own questionnaire (the same for a group)
 * @property {string} ownTitle
 * @property {string} ownDefinition
 * @property {string} page the address of the page the inviter answers their own on ("" for none)
 */

/**
 * The offers the build wrote into the container.
 * @param {HTMLElement} container
 * @returns {TeamOffer[]}
 */
function readOffers(container) {
  const items = /** @type {NodeListOf<HTMLElement>} */ (container.querySelectorAll("[data-lsk-team-offer]"));
  return [...items].map((item) => {
    const data = item.dataset;
    return {
      kind: data.lskTeamOffer === "group" ? "group" : "view",
      questionnaire: data.lskQuestionnaire || "",
      version: Number(data.lskVersion),
      title: data.lskTitle || "",
      definition: data.lskDefinition || "{}",
      own: data.lskOwn || "",
      ownTitle: data.lskOwnTitle || "",
      ownDefinition: data.lskOwnDefinition || "{}",
      page: data.lskPage || "",
    };
  });
}

/**
 * The fragment of the page's address, as a text (a link pasted through a program that
 * escaped its characters is read too).
 * @returns {string}
 */
function fragment() {
  const raw = window.location.hash.slice(1);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export class TeamPage {
  /**
   * @param {HTMLElement} container div.lsk-team
   * @param {{sitePath: string}} options
   */
  constructor(container, { sitePath }) {
    this.container = container;
    this.sitePath = sitePath;
    this.course = container.dataset.lskCourse || "";
    this.offers = readOffers(container);
    this.body = /** @type {HTMLElement} */ (container.querySelector("[data-lsk-team-body]") || container);
    /** @type {Map<string, HTMLElement>} each form members can answer, by questionnaire id */
    this.forms = new Map();
    for (const section of /** @type {NodeListOf<HTMLElement>} */ (container.querySelectorAll("[data-lsk-team-form]"))) {
      this.forms.set(section.dataset.lskTeamForm || "", section);
    }
    /** @type {Scorer} */
    this.scorer = getScorer();
    const statusElement = /** @type {HTMLElement | null} */ (container.querySelector("[data-lsk-status]"));
    this.status = statusElement ? new StatusView(statusElement, { onRetry: () => this.scorer.retry(), answering: false }) : null;
    /** @type {HTMLElement | null} what the current use added after a form (the member's reply) */
    this.afterForm = null;
    /** Counts the uses shown: a view whose slow work ends after another was shown draws nothing. */
    this.generation = 0;
    this.onHashChange = () => {
      if (!this.container.isConnected) {
        window.removeEventListener("hashchange", this.onHashChange);
        return;
      }
      this.route();
    };
  }

  mount() {
    this.scorer.addEventListener("change", () => this.status?.showScorer(this.scorer));
    this.status?.showScorer(this.scorer);
    this.scorer.startForPage().catch(() => {}); // A failure is shown by the status line.
    window.addEventListener("hashchange", this.onHashChange);
    this.route();
  }

  /** Show the use the address asks for. */
  route() {
    this.generation += 1;
    for (const section of this.forms.values()) section.hidden = true;
    this.afterForm?.remove();
    this.afterForm = null;
    if (!window.isSecureContext || !globalThis.crypto || !globalThis.crypto.subtle) {
      // Invitations and replies need the browser's cryptography, which only a secure page has
      // (https, or this computer's own address): say so rather than call every link damaged.
      this.show(h("p", { class: "lsk-notice", "data-lsk-team-insecure": true }, t("team.insecure")));
      return;
    }
    const text = fragment();
    if (text.startsWith(INVITATION_PREFIX)) {
      new ReplyView(this, text).show();
      return;
    }
    const view = new InvitationsView(this);
    view.show();
    if (text.startsWith(REPLY_PREFIX)) {
      // The link stays in the address: instant navigation may show the page once more for it
      // (the same visit shares one opening, openLink), and a reload says it is opened already.
      view.openLink(text).catch((error) => console.error("lederskap: could not open the reply", error));
    }
  }

  /**
   * Replace what the page shows (below its status line).
   * @param {...import("./dom.js").NodeChild} children
   */
  show(...children) {
    replaceChildren(this.body, ...children);
  }

  /**
   * Whether the use shown at `generation` is still the one on the page (see route).
   * @param {number} generation
   * @returns {boolean}
   */
  current(generation) {
    return generation === this.generation && this.container.isConnected;
  }

  /**
   * Take the reader to a heading that was just drawn (its text says where they are now):
   * focus without a jump, then scroll it to the top.
   * @param {HTMLElement | null} heading
   */
  focusHeading(heading) {
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: "start" });
  }

  /**
   * The address of this page with `text` as its fragment (an invitation's or a reply's link).
   * @param {string} text
   * @returns {string}
   */
  linkTo(text) {
    return `${window.location.origin}${window.location.pathname}#${text}`;
  }

  /**
   * A link back to the page's own use (without a fragment).
   * @returns {HTMLAnchorElement}
   */
  homeLink() {
    const link = h("a", { href: window.location.pathname, class: "lsk-team-home" }, t("team.home"));
    link.addEventListener("click", (event) => {
      event.preventDefault();
      window.history.pushState(null, "", window.location.pathname);
      this.route();
      this.focusHeading(this.body.querySelector("h2"));
    });
    return link;
  }
}

/**
 * Set up the team page in its container.
 * @param {HTMLElement} container
 * @param {{sitePath: string}} options
 */
export function mountTeam(container, options) {
  new TeamPage(container, options).mount();
}
