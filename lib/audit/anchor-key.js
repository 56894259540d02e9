// The key that signs the audit trail's anchors. Plain JavaScript: next.config.js checks it when the service starts.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { env } from '../env.js';

/**
 * @typedef {{ privateKey: import('node:crypto').KeyObject; publicKey: import('node:crypto').KeyObject; keyId: string; file: string }} AnchorKey
 */

/** A short, stable name for a public key: the first 16 hex digits of the SHA-256 of its DER encoding. */
export function anchorKeyId(/** @type {import('node:crypto').KeyObject} */ publicKey) {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

/** Reads an Ed25519 private key (PEM, PKCS #8) and says plainly what is wrong with anything else. */
export function readAnchorKey(/** @type {string} */ file) {
  let privateKey;
  try {
    privateKey = createPrivateKey(readFileSync(file));
  } catch {
    throw new Error(`AUDIT_ANCHOR_KEY_FILE (${file}) must be a readable Ed25519 private key in PEM: make one with "openssl genpkey -algorithm ed25519 -out ${path.basename(file)}"`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error(`AUDIT_ANCHOR_KEY_FILE (${file}) is a ${privateKey.asymmetricKeyType} key; it must be Ed25519`);
  const publicKey = createPublicKey(privateKey);
  return /** @type {AnchorKey} */ ({ privateKey, publicKey, keyId: anchorKeyId(publicKey), file });
}

/**
 * The anchor key the service signs with: AUDIT_ANCHOR_KEY_FILE, or in demo mode alone one made once and kept with the
 * demo's data. Outside demo mode a missing or unusable key stops the service with a message naming the setting.
 */
export function anchorKey() {
  if (env.AUDIT_ANCHOR_KEY_FILE) return readAnchorKey(env.AUDIT_ANCHOR_KEY_FILE);
  if (!env.DEMO_MODE) {
    throw new Error('AUDIT_ANCHOR_KEY_FILE is not set: outside demo mode the service needs the Ed25519 key that signs the audit trail’s anchors (README: "Connecting with least privilege, and the audit trail")');
  }
  const file = path.resolve(env.DATA_DIR, 'audit-anchor-key.pem');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  }
  return readAnchorKey(file);
}

/** Where the anchor log is: AUDIT_ANCHOR_LOG, or audit-anchors.jsonl in DATA_DIR. */
export const anchorLogPath = () => path.resolve(env.AUDIT_ANCHOR_LOG ?? path.join(env.DATA_DIR, 'audit-anchors.jsonl'));
