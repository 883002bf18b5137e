// The encryption layer of a package (SPEC.md §5): a random file key, wrapped for each
// reader with X25519 + HKDF + AES-256-GCM (age-style stanzas), and the payload key
// derived from it, used for fixed-size chunks with counter nonces and a final flag.
import {
  AuthenticationFailure,
  aeadOpen,
  aeadSeal,
  agreementPrivateKey,
  agreementPublicKeyOf,
  hkdfSha256,
  type KeyObject,
  x25519,
} from '../crypto/primitives';

export const FILE_KEY_BYTES = 32;
export const PAYLOAD_SALT_BYTES = 16;
export const TAG_BYTES = 16;
export const WRAP_INFO = 'supervision-desk-package/1 file key';
export const PAYLOAD_INFO = 'supervision-desk-package/1 payload';
export const MIN_CHUNK_SIZE = 4096;
export const MAX_CHUNK_SIZE = 1 << 20;
/** What writers use: large enough that per-chunk overhead vanishes, small enough to keep memory flat. */
export const DEFAULT_CHUNK_SIZE = 1 << 20;

export interface KeyStanza {
  /** Fingerprint of the reader's key generation. */
  keyFingerprint: string;
  /** Base64 of the 32-byte ephemeral X25519 public key. */
  ephemeralPublicKey: string;
  /** Base64 of AES-256-GCM(wrap key, zero nonce, file key), 48 bytes. */
  wrappedKey: string;
}

const ZERO_NONCE = Buffer.alloc(12);

function wrapKey(shared: Buffer, ephemeralPublic: Buffer, recipientPublic: Uint8Array): Buffer {
  return hkdfSha256(shared, Buffer.concat([ephemeralPublic, recipientPublic]), WRAP_INFO, 32);
}

/**
 * Wraps the file key for one reader. `ephemeralPrivate` is fresh randomness in normal
 * use; test vectors pass a fixed one.
 */
export function wrapFileKey(
  fileKey: Uint8Array,
  recipient: { keyFingerprint: string; encryptionPublicKey: Uint8Array },
  packageId: string,
  ephemeralPrivate: Uint8Array,
): KeyStanza {
  const ephemeralPublic = agreementPublicKeyOf(ephemeralPrivate);
  const shared = x25519(agreementPrivateKey(ephemeralPrivate), recipient.encryptionPublicKey);
  const key = wrapKey(shared, ephemeralPublic, recipient.encryptionPublicKey);
  return {
    keyFingerprint: recipient.keyFingerprint,
    ephemeralPublicKey: ephemeralPublic.toString('base64'),
    wrappedKey: aeadSeal(key, ZERO_NONCE, fileKey, Buffer.from(packageId, 'utf8')).toString('base64'),
  };
}

/** Opens a stanza with our X25519 key; throws AuthenticationFailure when it is not ours or damaged. */
export function unwrapFileKey(
  stanza: KeyStanza,
  privateKey: KeyObject,
  ownPublicKey: Uint8Array,
  packageId: string,
): Buffer {
  const ephemeralPublic = Buffer.from(stanza.ephemeralPublicKey, 'base64');
  const wrapped = Buffer.from(stanza.wrappedKey, 'base64');
  if (ephemeralPublic.length !== 32 || wrapped.length !== FILE_KEY_BYTES + TAG_BYTES) {
    throw new AuthenticationFailure('Malformed key stanza');
  }
  const shared = x25519(privateKey, ephemeralPublic);
  const key = wrapKey(shared, ephemeralPublic, ownPublicKey);
  return aeadOpen(key, ZERO_NONCE, wrapped, Buffer.from(packageId, 'utf8'));
}

export function payloadKey(fileKey: Uint8Array, salt: Uint8Array): Buffer {
  return hkdfSha256(fileKey, salt, PAYLOAD_INFO, 32);
}

/** 11-byte big-endian chunk counter, then 0x01 on the final chunk and 0x00 before it. */
export function chunkNonce(index: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(Math.floor(index / 2 ** 40), 0, 6);
  nonce.writeUIntBE(index % 2 ** 40, 6, 5);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

export function chunkCount(plaintextSize: number, chunkSize: number): number {
  return Math.max(1, Math.ceil(plaintextSize / chunkSize));
}

export function ciphertextSize(plaintextSize: number, chunkSize: number): number {
  return plaintextSize + chunkCount(plaintextSize, chunkSize) * TAG_BYTES;
}

export const isValidChunkSize = (size: number): boolean =>
  Number.isInteger(size) && size >= MIN_CHUNK_SIZE && size <= MAX_CHUNK_SIZE && (size & (size - 1)) === 0;
