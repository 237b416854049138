// @ts-check
// The private side of the course's team invitations, kept on this device only: one
// IndexedDB database per site and course (storage-keys.js, teamKeysDatabase: the same
// scope as the answers in localStorage, since every GitHub Pages site of a user shares
// one origin), with one entry per invitation, keyed by its id:
//
//   {invitation, course, questionnaire, version, publicKey, privateKey, created}
//
// privateKey is a non-extractable CryptoKey (team-crypto.js, createKeyPair): IndexedDB
// keeps it as the browser's own object, and no code, this page's included, can read its
// bytes, so it is in no export. Losing the database (a browser's data cleared, another
// device) loses the invitation: its replies can no longer be opened, and the leader makes
// a new invitation (scorer/TEAM.md, "Keys"). The replies themselves, once opened, are
// data like any answers and are kept elsewhere, by the team page.

import { teamKeysDatabase } from "./storage-keys.js";
import { createKeyPair, exportPublicKey, invitationText, newInvitationId } from "./team-crypto.js";

/** @import { InvitationKeys } from "./team-crypto.js" */

const STORE = "invitations";
const SCHEMA = 1;

/**
 * An invitation as this device keeps it.
 * @typedef {InvitationKeys & {created: string}} StoredInvitation
 */

/**
 * The result of an IndexedDB request, once it is done.
 * @template T
 * @param {IDBRequest<T>} request
 * @returns {Promise<T>}
 */
function requestDone(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * @param {IDBTransaction} transaction
 * @returns {Promise<void>}
 */
function transactionDone(transaction) {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

/**
 * Open (and on first use create) the course's database of invitation keys. Rejects where
 * IndexedDB cannot be used (some private windows): the team page says so.
 * @param {string} sitePath
 * @param {string} course
 * @returns {Promise<IDBDatabase>}
 */
export function openTeamKeys(sitePath, course) {
  const request = indexedDB.open(teamKeysDatabase(sitePath, course), SCHEMA);
  request.onupgradeneeded = () => {
    if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE, { keyPath: "invitation" });
  };
  return requestDone(request);
}

/**
 * Make a new invitation to answer `questionnaire` (of `version`), keep its keys on this
 * device, and give its link text.
 * @param {string} sitePath
 * @param {string} course
 * @param {string} questionnaire
 * @param {number} version
 * @returns {Promise<{invitation: StoredInvitation, text: string}>}
 */
export async function createInvitation(sitePath, course, questionnaire, version) {
  const pair = await createKeyPair();
  /** @type {StoredInvitation} */
  const invitation = {
    invitation: newInvitationId(),
    course,
    questionnaire,
    version,
    publicKey: await exportPublicKey(pair.publicKey),
    privateKey: pair.privateKey,
    created: new Date().toISOString(),
  };
  const text = invitationText(invitation);
  const db = await openTeamKeys(sitePath, course);
  try {
    const transaction = db.transaction(STORE, "readwrite");
    transaction.objectStore(STORE).add(invitation);
    await transactionDone(transaction);
  } finally {
    db.close();
  }
  return { invitation, text };
}

/**
 * Every invitation kept on this device for the course, oldest first.
 * @param {string} sitePath
 * @param {string} course
 * @returns {Promise<StoredInvitation[]>}
 */
export async function listInvitations(sitePath, course) {
  const db = await openTeamKeys(sitePath, course);
  try {
    const all = await requestDone(db.transaction(STORE).objectStore(STORE).getAll());
    return /** @type {StoredInvitation[]} */ (all).sort((a, b) => a.created.localeCompare(b.created));
  } finally {
    db.close();
  }
}

/**
 * Every invitation whose keys are on this device, oldest first, for a page that only looks
 * (Mine resultater): unlike listInvitations it never creates the course's database, so that
 * looking leaves nothing behind (after "Slett alt", say). Rejects where IndexedDB cannot be used.
 * @param {string} sitePath
 * @param {string} course
 * @returns {Promise<StoredInvitation[]>}
 */
export async function invitationsOnDevice(sitePath, course) {
  const request = indexedDB.open(teamKeysDatabase(sitePath, course));
  let absent = false;
  request.onupgradeneeded = () => {
    // No such database: aborting its creation leaves none (IndexedDB deletes a new database
    // whose upgrade is aborted), and the open request fails.
    absent = true;
    request.transaction?.abort();
  };
  /** @type {IDBDatabase} */
  let db;
  try {
    db = await requestDone(request);
  } catch (error) {
    if (absent) return [];
    throw error;
  }
  try {
    if (!db.objectStoreNames.contains(STORE)) return [];
    const all = await requestDone(db.transaction(STORE).objectStore(STORE).getAll());
    return /** @type {StoredInvitation[]} */ (all).sort((a, b) => a.created.localeCompare(b.created));
  } finally {
    db.close();
  }
}

/**
 * One invitation kept on this device, or null when this device has none of that id.
 * @param {string} sitePath
 * @param {string} course
 * @param {string} invitation
 * @returns {Promise<StoredInvitation | null>}
 */
export async function invitationKeys(sitePath, course, invitation) {
  const db = await openTeamKeys(sitePath, course);
  try {
    const found = await requestDone(db.transaction(STORE).objectStore(STORE).get(invitation));
    return found ? /** @type {StoredInvitation} */ (found) : null;
  } finally {
    db.close();
  }
}

/**
 * Forget one invitation's keys: its replies can no longer be opened.
 * @param {string} sitePath
 * @param {string} course
 * @param {string} invitation
 * @returns {Promise<void>}
 */
export async function deleteInvitation(sitePath, course, invitation) {
  const db = await openTeamKeys(sitePath, course);
  try {
    const transaction = db.transaction(STORE, "readwrite");
    transaction.objectStore(STORE).delete(invitation);
    await transactionDone(transaction);
  } finally {
    db.close();
  }
}

/**
 * Delete the course's whole database of invitation keys (with the rest of the course's
 * data). Resolves once it is gone; a tab of the site still holding it open delays that.
 * @param {string} sitePath
 * @param {string} course
 * @returns {Promise<void>}
 */
export async function deleteTeamKeys(sitePath, course) {
  await requestDone(indexedDB.deleteDatabase(teamKeysDatabase(sitePath, course)));
}
