// An in-memory stand-in for the browser's localStorage (the Storage interface), with
// an optional quota: a write that would make the keys and texts longer than `quota`
// characters throws a QuotaExceededError, as a full localStorage does.

export class MemoryStorage {
  /** @param {{quota?: number}} [options] */
  constructor({ quota = Infinity } = {}) {
    this.items = new Map();
    this.quota = quota;
  }

  get length() {
    return this.items.size;
  }

  key(index) {
    return index >= 0 && index < this.items.size ? [...this.items.keys()][index] : null;
  }

  getItem(key) {
    return this.items.has(key) ? this.items.get(key) : null;
  }

  setItem(key, value) {
    const text = String(value);
    const used = this.used() - (this.items.has(key) ? key.length + this.items.get(key).length : 0);
    if (used + key.length + text.length > this.quota) {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    }
    this.items.set(key, text);
  }

  removeItem(key) {
    this.items.delete(key);
  }

  clear() {
    this.items.clear();
  }

  /** The characters of every key and text stored. */
  used() {
    let total = 0;
    for (const [key, value] of this.items) total += key.length + value.length;
    return total;
  }

  /** Everything stored, as a plain object (for assertions). */
  snapshot() {
    return Object.fromEntries(this.items);
  }
}
