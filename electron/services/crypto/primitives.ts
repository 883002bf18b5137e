// Thin helpers over node:crypto (and WebCrypto for off-thread AES-GCM). Every other
// module gets its cryptography from here, so that only this folder names algorithms.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  type Hash,
  hkdfSync,
  type KeyObject,
  randomBytes as nodeRandomBytes,
  randomUUID as nodeRandomUUID,
  scrypt,
  sign,
  timingSafeEqual,
  verify,
} from 'node:crypto';
import { AEAD_KEY_BYTES, AEAD_NONCE_BYTES, AEAD_TAG_BYTES, NODE_AEAD, NODE_HASH, NODE_HASH_512 } from './algorithms';

export type { KeyObject };

/** Raised when an AEAD tag or a signature does not verify; callers map it to their own code. */
export class AuthenticationFailure extends Error {
  constructor(message = 'Authentication failed') {
    super(message);
    this.name = 'AuthenticationFailure';
  }
}

export const randomBytes = (length: number): Buffer => nodeRandomBytes(length);
export const randomUUID = (): string => nodeRandomUUID();

export function sha256(data: Uint8Array | string): Buffer {
  return createHash(NODE_HASH).update(data).digest();
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash(NODE_HASH).update(data).digest('hex');
}

export function sha512(data: Uint8Array | string): Buffer {
  return createHash(NODE_HASH_512).update(data).digest();
}

/** An incremental SHA-256, for data that arrives in pieces. */
export function createSha256(): Hash {
  return createHash(NODE_HASH);
}

export function hmacSha256(key: Uint8Array, data: Uint8Array | string): Buffer {
  return createHmac(NODE_HASH, key).update(data).digest();
}

export function hkdfSha256(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array | string, length: number): Buffer {
  return Buffer.from(hkdfSync(NODE_HASH, ikm, salt, typeof info === 'string' ? Buffer.from(info) : info, length));
}

export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/** Passphrase → key. Runs on the libuv pool so the main process stays responsive. */
export function scryptKey(passphrase: string, salt: Uint8Array, params: ScryptParams, length = 32): Promise<Buffer> {
  const maxmem = 128 * params.N * params.r * params.p + 64 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, length, { ...params, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function checkAeadArgs(key: Uint8Array, nonce: Uint8Array): void {
  if (key.length !== AEAD_KEY_BYTES) throw new RangeError('AES-256-GCM needs a 32-byte key');
  if (nonce.length !== AEAD_NONCE_BYTES) throw new RangeError('AES-256-GCM needs a 12-byte nonce');
}

/** AES-256-GCM; returns ciphertext ‖ 16-byte tag. */
export function aeadSeal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad?: Uint8Array): Buffer {
  checkAeadArgs(key, nonce);
  const cipher = createCipheriv(NODE_AEAD, key, nonce, { authTagLength: AEAD_TAG_BYTES });
  if (aad) cipher.setAAD(aad);
  const body = cipher.update(plaintext);
  const final = cipher.final();
  return Buffer.concat([body, final, cipher.getAuthTag()]);
}

/** Opens what aeadSeal produced; throws AuthenticationFailure on any change. */
export function aeadOpen(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array, aad?: Uint8Array): Buffer {
  checkAeadArgs(key, nonce);
  if (sealed.length < AEAD_TAG_BYTES) throw new AuthenticationFailure('Sealed data is shorter than its tag');
  const decipher = createDecipheriv(NODE_AEAD, key, nonce, { authTagLength: AEAD_TAG_BYTES });
  decipher.setAuthTag(sealed.subarray(sealed.length - AEAD_TAG_BYTES));
  if (aad) decipher.setAAD(aad);
  const body = decipher.update(sealed.subarray(0, sealed.length - AEAD_TAG_BYTES));
  try {
    return Buffer.concat([body, decipher.final()]);
  } catch {
    throw new AuthenticationFailure();
  }
}

// DER prefixes that wrap a raw 32-byte key as PKCS#8 / SPKI (RFC 8410). Importing
// through DER works the same in OpenSSL and BoringSSL, unlike raw-key JWK paths.
const ED25519_PKCS8 = Buffer.from('302e020100300506032b657004220420', 'hex');
const ED25519_SPKI = Buffer.from('302a300506032b6570032100', 'hex');
const X25519_PKCS8 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const X25519_SPKI = Buffer.from('302a300506032b656e032100', 'hex');
const RAW_KEY_BYTES = 32;

function checkRaw(raw: Uint8Array, what: string): void {
  if (raw.length !== RAW_KEY_BYTES) throw new RangeError(`${what} must be 32 bytes`);
}

export interface RawKeyPair {
  /** 32-byte private key (the Ed25519 seed or the X25519 scalar). */
  privateKey: Buffer;
  publicKey: Buffer;
}

function rawPair(pair: { privateKey: KeyObject; publicKey: KeyObject }): RawKeyPair {
  return {
    privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(-RAW_KEY_BYTES),
    publicKey: pair.publicKey.export({ format: 'der', type: 'spki' }).subarray(-RAW_KEY_BYTES),
  };
}

export const generateSigningKeyPair = (): RawKeyPair => rawPair(generateKeyPairSync('ed25519'));
export const generateAgreementKeyPair = (): RawKeyPair => rawPair(generateKeyPairSync('x25519'));

export function signingPrivateKey(seed: Uint8Array): KeyObject {
  checkRaw(seed, 'Ed25519 seed');
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8, seed]), format: 'der', type: 'pkcs8' });
}

export function signingPublicKeyOf(seed: Uint8Array): Buffer {
  return createPublicKey(signingPrivateKey(seed)).export({ format: 'der', type: 'spki' }).subarray(-RAW_KEY_BYTES);
}

export function agreementPrivateKey(scalar: Uint8Array): KeyObject {
  checkRaw(scalar, 'X25519 private key');
  return createPrivateKey({ key: Buffer.concat([X25519_PKCS8, scalar]), format: 'der', type: 'pkcs8' });
}

export function agreementPublicKeyOf(scalar: Uint8Array): Buffer {
  return createPublicKey(agreementPrivateKey(scalar)).export({ format: 'der', type: 'spki' }).subarray(-RAW_KEY_BYTES);
}

export function ed25519Sign(privateKey: KeyObject, message: Uint8Array): Buffer {
  return sign(null, message, privateKey);
}

/** False for a wrong signature and for a malformed key or signature: never throws. */
export function ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== RAW_KEY_BYTES || signature.length !== 64) return false;
  try {
    const key = createPublicKey({ key: Buffer.concat([ED25519_SPKI, publicKey]), format: 'der', type: 'spki' });
    return verify(null, message, key, signature);
  } catch {
    return false;
  }
}

/**
 * X25519 shared secret. Refuses low-order public keys (an all-zero result), which
 * would let a forged stanza force a known secret (RFC 7748 §6.1).
 */
export function x25519(privateKey: KeyObject, peerPublicKey: Uint8Array): Buffer {
  checkRaw(peerPublicKey, 'X25519 public key');
  let shared: Buffer;
  try {
    const publicKey = createPublicKey({
      key: Buffer.concat([X25519_SPKI, peerPublicKey]),
      format: 'der',
      type: 'spki',
    });
    shared = diffieHellman({ privateKey, publicKey });
  } catch {
    throw new AuthenticationFailure('X25519 agreement failed (low-order or invalid public key)');
  }
  if (shared.every((byte) => byte === 0)) throw new AuthenticationFailure('X25519 produced an all-zero secret');
  return shared;
}
