import { generateDpopKeyPair } from "@seven-steps/protocol";
import { labCanUseDpop } from "./secure-context.ts";

/**
 * The lab's DPoP key pair (RFC 9449): made in this browser with WebCrypto, its private key not
 * extractable, so a script can sign with it and nobody can read it, not even the lab. It is kept
 * in IndexedDB, which stores CryptoKey objects as they are (they are structured-cloneable), under
 * an id held in this tab's sessionStorage: the redirect of step 1 unloads the page, and the
 * callback must sign with the same key that step 1 named in `dpop_jkt`. Starting over forgets it.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9449#section-2
 * @see https://www.w3.org/TR/WebCryptoAPI/#concepts-key-storage
 */

const databaseName = "printshop-lab";
const storeName = "dpop-keys";
const keyIdStorageKey = "printshop-lab-dpop-key";
/** Keys of tabs closed long ago are deleted when a new one is made. */
const keyLifetimeMilliseconds = 24 * 60 * 60 * 1000;

interface StoredKey {
  keyPair: CryptoKeyPair;
  createdAt: number;
}

function openDatabase(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(databaseName, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore(storeName);
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error ?? new Error("IndexedDB could not be opened."));
  });
}

/** Runs one request on the store and waits until its transaction has finished. */
async function inStore<T>(mode: IDBTransactionMode, operation: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const database = await openDatabase();
  try {
    return await new Promise<T>((resolve, reject) => {
      const transaction = database.transaction(storeName, mode);
      const request = operation(transaction.objectStore(storeName));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => reject(transaction.error ?? new Error("IndexedDB refused the request."));
      transaction.onabort = () => reject(transaction.error ?? new Error("IndexedDB aborted the request."));
    });
  } finally {
    database.close();
  }
}

function isStoredKey(value: unknown): value is StoredKey {
  if (typeof value !== "object" || value === null || !("keyPair" in value)) return false;
  const { keyPair } = value as { keyPair: Partial<CryptoKeyPair> };
  return keyPair.privateKey instanceof CryptoKey && keyPair.publicKey instanceof CryptoKey;
}

/** The key pair being read or made, so that two callers at once (a re-run effect) get the same one. */
let pending: Promise<CryptoKeyPair> | null = null;

/**
 * This tab's key pair: the one it already has, or a new one. Null where the lab runs without DPoP,
 * in a page that is no secure context (./secure-context.ts).
 */
export async function labDpopKeyPair(): Promise<CryptoKeyPair | null> {
  if (!labCanUseDpop()) return null;
  pending ??= loadOrMakeKeyPair().finally(() => {
    pending = null;
  });
  return await pending;
}

async function loadOrMakeKeyPair(): Promise<CryptoKeyPair> {
  const id = sessionStorage.getItem(keyIdStorageKey);
  if (id !== null) {
    const stored = await inStore("readonly", (store) => store.get(id));
    if (isStoredKey(stored)) return stored.keyPair;
  }
  const keyPair = await generateDpopKeyPair();
  const newId = crypto.randomUUID();
  const now = Date.now();
  await inStore("readwrite", (store) => store.put({ keyPair, createdAt: now } satisfies StoredKey, newId));
  sessionStorage.setItem(keyIdStorageKey, newId);
  await forgetKeysOlderThan(now - keyLifetimeMilliseconds);
  return keyPair;
}

async function forgetKeysOlderThan(time: number): Promise<void> {
  const all = await inStore("readonly", (store) => store.getAllKeys());
  for (const id of all) {
    const stored = await inStore("readonly", (store) => store.get(id));
    if (!isStoredKey(stored) || stored.createdAt < time) await inStore("readwrite", (store) => store.delete(id));
  }
}

/** Deletes this tab's key pair: a new run gets a new key. */
export async function forgetLabDpopKey(): Promise<void> {
  const id = sessionStorage.getItem(keyIdStorageKey);
  sessionStorage.removeItem(keyIdStorageKey);
  if (id !== null) await inStore("readwrite", (store) => store.delete(id));
}

/**
 * A key pair made for one request and thrown away: what someone who stole the access token, but
 * not the lab's key, would sign a proof with.
 */
export function strangersKeyPair(): Promise<CryptoKeyPair> {
  return generateDpopKeyPair();
}
