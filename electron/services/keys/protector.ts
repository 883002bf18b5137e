import { AppError } from '../../../shared/ipc/errors';
import {
  AuthenticationFailure,
  aeadOpen,
  aeadSeal,
  randomBytes,
  type ScryptParams,
  scryptKey,
} from '../crypto/primitives';

/**
 * Protects private keys at rest. The composition root supplies one backed by the OS
 * key store (Electron safeStorage); the clerk may choose a passphrase instead, and
 * must where no real key store exists (Linux `basic_text`).
 */
export interface SecretProtector {
  /** True only when sealing really protects the secret on this machine. */
  isAvailable(): boolean;
  seal(secret: Uint8Array): Promise<string>;
  /** Throws AppError KEYS_WRONG_PASSPHRASE or KEYS_FILE_DAMAGED when the secret cannot be opened. */
  open(sealed: string): Promise<Uint8Array>;
}

export interface PassphraseKdf extends ScryptParams {
  name: 'scrypt';
  /** Base64, 16 bytes. */
  salt: string;
}

/** 128 MiB and about half a second: slow enough to make guessing expensive, once per unlock. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
export const MIN_PASSPHRASE_LENGTH = 8;

const SEAL_AAD = Buffer.from('supervision-desk sealed secret v1');

/** Bounds on stored KDF parameters, so a tampered file cannot make unlocking hang or exhaust memory. */
export function checkKdf(kdf: PassphraseKdf): void {
  const powerOfTwo = Number.isInteger(Math.log2(kdf.N));
  if (kdf.name !== 'scrypt' || !powerOfTwo || kdf.N < 2 ** 10 || kdf.N > 2 ** 20 || kdf.r < 1 || kdf.r > 32) {
    throw new AppError('KEYS_FILE_DAMAGED', 'Unsupported key-derivation parameters');
  }
  if (kdf.p < 1 || kdf.p > 16 || Buffer.from(kdf.salt, 'base64').length !== 16) {
    throw new AppError('KEYS_FILE_DAMAGED', 'Unsupported key-derivation parameters');
  }
}

/** scrypt(passphrase) → AES-256-GCM key; each sealed secret is nonce ‖ ciphertext ‖ tag in base64. */
export class PassphraseProtector implements SecretProtector {
  private constructor(
    readonly kdf: PassphraseKdf,
    private readonly key: Buffer,
  ) {}

  /** A protector with a fresh salt (when `kdf` is omitted) or the stored one. */
  static async create(passphrase: string, kdf?: PassphraseKdf, params: ScryptParams = DEFAULT_SCRYPT) {
    const chosen: PassphraseKdf = kdf ?? { name: 'scrypt', ...params, salt: randomBytes(16).toString('base64') };
    checkKdf(chosen);
    const key = await scryptKey(passphrase, Buffer.from(chosen.salt, 'base64'), chosen);
    return new PassphraseProtector(chosen, key);
  }

  isAvailable(): boolean {
    return true;
  }

  async seal(secret: Uint8Array): Promise<string> {
    const nonce = randomBytes(12);
    return Buffer.concat([nonce, aeadSeal(this.key, nonce, secret, SEAL_AAD)]).toString('base64');
  }

  async open(sealed: string): Promise<Uint8Array> {
    const bytes = Buffer.from(sealed, 'base64');
    if (bytes.length < 12 + 16) throw new AppError('KEYS_FILE_DAMAGED', 'Sealed secret is too short');
    try {
      return aeadOpen(this.key, bytes.subarray(0, 12), bytes.subarray(12), SEAL_AAD);
    } catch (error) {
      if (error instanceof AuthenticationFailure) {
        throw new AppError('KEYS_WRONG_PASSPHRASE', 'The passphrase does not open the office keys');
      }
      throw error;
    }
  }
}
