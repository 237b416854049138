// @ts-check
// The inviter's opened team replies, kept with the course's other data in localStorage
// under one key of the course's scope (storage-keys.js, teamRepliesKey: "<scope>_team"),
// so that "Slett alt" (record-store.js, deleteCourse) removes them with everything else:
//
//   {"schema": 1, "invitations": {"<invitation id>": {
//      "kind": "view" | "group", "questionnaire": "<id the members answer>", "version": 1,
//      "own": "<the inviter's own questionnaire id>", "created": "<time>",
//      "replies": [{"id": "<reply id>", "answers": "<the opened JSON text>", "opened": "<time>"}]}}}
//
// A reply is stored as it was opened (team-crypto.js, openReply): the scorer reads and
// checks it each time the team result is drawn (scorer/TEAM.md, team_json), so this
// module decides nothing about answers. It refuses a reply already stored (by its id) and
// more than constants.maxReplies per invitation. A stored text it cannot read is never
// overwritten: the page says so and changes nothing. The format and its schema are the
// scorer's (scorer/RECORDS.md, "The opened team replies"; records/team_data.py), which
// reads the stored text when a file is imported and gives the text to store instead
// (importTeamText: an unreadable one is copied aside first).

import { constants } from "./constants.js";
import { openLocalStorage, timestamp } from "./local-storage.js";
import { teamRepliesKey } from "./storage-keys.js";

const SCHEMA = constants.teamSchema;
export const MAX_REPLIES = constants.maxReplies;

/**
 * One opened reply.
 * @typedef {object} StoredReply
 * @property {string} id the reply's id (team-crypto.js, OpenedReply.replyId)
 * @property {string} answers the opened text: a JSON object of answers
 * @property {string} opened when it was opened (ISO time)
 */

/**
 * What an invitation asks for, and the replies opened for it.
 * @typedef {object} InvitationReplies
 * @property {"view" | "group"} kind
 * @property {string} questionnaire the questionnaire the members answer
 * @property {number} version
 * @property {string} own the inviter's own questionnaire
 * @property {string} created
 * @property {StoredReply[]} replies
 */

/**
 * The course's team data: every invitation's replies by invitation id, or why it cannot be read.
 * @typedef {{ok: true, invitations: Record<string, InvitationReplies>} | {ok: false}} TeamData
 */

/** @type {Map<string, string>} what this visit could not store (no localStorage), by key */
const memory = new Map();

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * @param {unknown} value
 * @returns {value is StoredReply}
 */
function isReply(value) {
  return (
    isObject(value) &&
    typeof value.id === "string" &&
    typeof value.answers === "string" &&
    typeof value.opened === "string"
  );
}

/**
 * @param {unknown} value
 * @returns {value is InvitationReplies}
 */
function isInvitation(value) {
  return (
    isObject(value) &&
    (value.kind === "view" || value.kind === "group") &&
    typeof value.questionnaire === "string" &&
    typeof value.version === "number" &&
    typeof value.own === "string" &&
    typeof value.created === "string" &&
    Array.isArray(value.replies) &&
    value.replies.every(isReply)
  );
}

/**
 * The stored text (what this visit keeps in memory first), or null when there is none.
 * @param {string} key
 * @returns {string | null}
 */
function storedText(key) {
  // What this visit could not store is newer than what is stored (as in record-store.js).
  const kept = memory.get(key);
  if (kept !== undefined) return kept;
  const storage = openLocalStorage();
  if (!storage) return null;
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * The course's team data as stored.
 * @param {string} sitePath
 * @param {string} course
 * @returns {TeamData}
 */
export function readTeam(sitePath, course) {
  return teamOf(storedText(teamRepliesKey(sitePath, course)));
}

/**
 * The team data a stored text holds (null: none), or that it cannot be read.
 * @param {string | null} raw
 * @returns {TeamData}
 */
function teamOf(raw) {
  if (raw === null) return { ok: true, invitations: {} };
  try {
    const value = JSON.parse(raw);
    if (isObject(value) && value.schema === SCHEMA && isObject(value.invitations)) {
      const invitations = Object.entries(value.invitations);
      if (invitations.every(([, invitation]) => isInvitation(invitation))) {
        return { ok: true, invitations: /** @type {Record<string, InvitationReplies>} */ (value.invitations) };
      }
    }
  } catch {
    // Not JSON: unreadable, as below.
  }
  return { ok: false };
}

/**
 * Store the course's team data; false when it could only be kept for this visit.
 * @param {string} sitePath
 * @param {string} course
 * @param {Record<string, InvitationReplies>} invitations
 * @returns {boolean}
 */
function writeTeam(sitePath, course, invitations) {
  const key = teamRepliesKey(sitePath, course);
  const text = JSON.stringify({ schema: SCHEMA, invitations });
  const storage = openLocalStorage();
  try {
    if (!storage) throw new Error("no localStorage");
    if (Object.keys(invitations).length === 0) storage.removeItem(key);
    else storage.setItem(key, text);
    memory.delete(key);
    return true;
  } catch {
    memory.set(key, text);
    return false;
  }
}

/**
 * Keep a new invitation (with no replies yet).
 * @param {string} sitePath
 * @param {string} course
 * @param {string} id
 * @param {Omit<InvitationReplies, "replies">} invitation
 * @returns {"stored" | "kept" | "unreadable"} kept: only for this visit
 */
export function addInvitation(sitePath, course, id, invitation) {
  const team = readTeam(sitePath, course);
  if (!team.ok) return "unreadable";
  team.invitations[id] = { ...invitation, replies: [] };
  return writeTeam(sitePath, course, team.invitations) ? "stored" : "kept";
}

/**
 * Keep an opened reply to an invitation.
 * @param {string} sitePath
 * @param {string} course
 * @param {string} invitationId
 * @param {{id: string, answers: string}} reply
 * @returns {"stored" | "kept" | "duplicate" | "full" | "unknown-invitation" | "unreadable"}
 */
export function addReply(sitePath, course, invitationId, reply) {
  const team = readTeam(sitePath, course);
  if (!team.ok) return "unreadable";
  const invitation = team.invitations[invitationId];
  if (!invitation) return "unknown-invitation";
  if (invitation.replies.some((stored) => stored.id === reply.id)) return "duplicate";
  if (invitation.replies.length >= MAX_REPLIES) return "full";
  invitation.replies.push({ id: reply.id, answers: reply.answers, opened: new Date().toISOString() });
  return writeTeam(sitePath, course, team.invitations) ? "stored" : "kept";
}

/**
 * Forget an invitation and its replies.
 * @param {string} sitePath
 * @param {string} course
 * @param {string} invitationId
 * @returns {boolean} false when the stored data could not be read or changed
 */
export function removeInvitation(sitePath, course, invitationId) {
  const team = readTeam(sitePath, course);
  if (!team.ok) return false;
  delete team.invitations[invitationId];
  return writeTeam(sitePath, course, team.invitations);
}

/**
 * The stored text of the course's team data, as the scorer reads it for an import (or what
 * this visit keeps in memory when it could not store it); null: none.
 * @param {string} sitePath
 * @param {string} course
 * @returns {string | null}
 */
export function storedTeamText(sitePath, course) {
  return storedText(teamRepliesKey(sitePath, course));
}

/**
 * Store the team data an import plan gives (scorer/RECORDS.md, the plan's `team`), exactly as
 * given. A stored text the page or the scorer cannot read (`unreadable`) is copied aside first,
 * under "<key>/unreadable/<time>"; if that fails nothing is written.
 * @param {string} sitePath
 * @param {string} course
 * @param {string} text the plan's team text for the way of importing chosen
 * @param {boolean} unreadable whether the scorer could not read the stored text (the plan's `current_unreadable`)
 * @returns {"stored" | "kept" | "failed"} kept: only for this visit (no localStorage)
 */
export function importTeamText(sitePath, course, text, unreadable) {
  const key = teamRepliesKey(sitePath, course);
  const storage = openLocalStorage();
  if (!storage) {
    memory.set(key, text);
    return "kept";
  }
  try {
    const before = storage.getItem(key);
    if (before !== null && (unreadable || !teamOf(before).ok)) {
      storage.setItem(`${key}/unreadable/${timestamp()}`, before);
    }
    storage.setItem(key, text);
    memory.delete(key);
    return "stored";
  } catch {
    return "failed";
  }
}

/**
 * Forget what this visit kept in memory for the course (with "Slett alt").
 * @param {string} sitePath
 * @param {string} course
 */
export function forgetTeamInMemory(sitePath, course) {
  memory.delete(teamRepliesKey(sitePath, course));
}
