import { sha256 } from '../crypto/primitives';

const FINGERPRINT_DOMAIN = Buffer.from('supervision-desk-organ-key/1\0');

/**
 * The identity of one key generation of an organ: SHA-256 over a domain tag and both
 * public keys, as 64 lowercase hex digits. Packages and receipts name keys by it.
 */
export function keyFingerprint(signingPublicKey: Uint8Array, encryptionPublicKey: Uint8Array): string {
  return sha256(Buffer.concat([FINGERPRINT_DOMAIN, signingPublicKey, encryptionPublicKey])).toString('hex');
}

export const FINGERPRINT_GROUPS = 6;

/**
 * The fingerprint as clerks read it aloud over the phone: six groups of five digits
 * (digits are easier to read back in Chinese than letters). Each group is 5 bytes of
 * the fingerprint taken modulo 100000, so the 30 digits carry about 100 bits.
 */
export function fingerprintGroups(fingerprint: string): string[] {
  const bytes = Buffer.from(fingerprint, 'hex');
  if (bytes.length !== 32) throw new RangeError('A fingerprint is 32 bytes');
  const groups: string[] = [];
  for (let i = 0; i < FINGERPRINT_GROUPS; i++) {
    const value = bytes.readUIntBE(i * 5, 5) % 100000;
    groups.push(String(value).padStart(5, '0'));
  }
  return groups;
}

export const isFingerprint = (value: string): boolean => /^[0-9a-f]{64}$/.test(value);
