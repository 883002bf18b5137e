/**
 * The one list of cryptographic algorithms the app may use (DESIGN.md §4).
 *
 * Electron's Node runs on BoringSSL, not OpenSSL: code that passes under our Node 20
 * tests can still fail in the shipped app if it names an algorithm BoringSSL lacks
 * (chacha20-poly1305 through node:crypto, SM2/3/4, SHA-3, BLAKE2, AES-CCM/OCB/KW …).
 * Everything here exists in both. `tests/unit/crypto/algorithm-allowlist.test.ts`
 * fails when code under electron/, shared/ or renderer/ names anything else.
 */
export const ALGORITHMS = {
  /** Digests. */
  hash: ['SHA-256', 'SHA-512'],
  /** Message authentication. */
  mac: ['HMAC-SHA-256', 'HMAC-SHA-512'],
  /** Key derivation: HKDF for keys from secrets, scrypt/PBKDF2 for passphrases. */
  kdf: ['HKDF-SHA-256', 'scrypt', 'PBKDF2-HMAC-SHA-256'],
  /** Authenticated encryption. */
  aead: ['AES-256-GCM'],
  /** Signatures. */
  signature: ['Ed25519'],
  /** Key agreement. */
  keyAgreement: ['X25519'],
} as const;

/**
 * The spellings node:crypto and WebCrypto accept for the algorithms above; the
 * allow-list test accepts exactly these (case-insensitive) as algorithm arguments.
 */
export const ALLOWED_ALGORITHM_SPELLINGS = [
  'sha256',
  'sha512',
  'sha-256',
  'sha-512',
  'hmac',
  'hkdf',
  'scrypt',
  'pbkdf2',
  'aes-256-gcm',
  'aes-gcm',
  'ed25519',
  'x25519',
] as const;

/** node:crypto names, so that no other module needs to spell an algorithm. */
export const NODE_HASH = 'sha256';
export const NODE_HASH_512 = 'sha512';
export const NODE_AEAD = 'aes-256-gcm';
export const AEAD_KEY_BYTES = 32;
export const AEAD_NONCE_BYTES = 12;
export const AEAD_TAG_BYTES = 16;
