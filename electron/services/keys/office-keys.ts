import { join } from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import { z } from '../../../shared/zod-setup';
import { readJsonFile, writeJsonAtomic } from '../atomic-file';
import { canonicalBytes } from '../canonical-json';
import {
  agreementPrivateKey,
  agreementPublicKeyOf,
  ed25519Sign,
  generateAgreementKeyPair,
  generateSigningKeyPair,
  type KeyObject,
  randomUUID,
  type ScryptParams,
  signingPrivateKey,
  signingPublicKeyOf,
} from '../crypto/primitives';
import { fingerprintGroups, keyFingerprint } from './fingerprint';
import { DEFAULT_SCRYPT, type PassphraseKdf, PassphraseProtector, type SecretProtector } from './protector';

export type ProtectionMethod = 'system' | 'passphrase';

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const kdfSchema = z.object({
  name: z.literal('scrypt'),
  N: z.number().int(),
  r: z.number().int(),
  p: z.number().int(),
  salt: b64,
});

const generationSchema = z.object({
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
  signingPublicKey: b64,
  encryptionPublicKey: b64,
  sealedSigningKey: z.string(),
  sealedEncryptionKey: z.string(),
  /** Signature by the previous generation's signing key over this one's fingerprint. */
  continuity: b64.optional(),
});

const officeKeysFileSchema = z.object({
  formatVersion: z.literal(1),
  organId: z.uuid(),
  protection: z.discriminatedUnion('method', [
    z.object({ method: z.literal('system') }),
    z.object({ method: z.literal('passphrase'), kdf: kdfSchema }),
  ]),
  /** Oldest first; the last one is current. */
  generations: z.array(generationSchema).min(1),
});

type OfficeKeysFile = z.infer<typeof officeKeysFileSchema>;
type GenerationRecord = z.infer<typeof generationSchema>;

/** A key generation as others see it: no secrets. */
export interface PublicKeyGeneration {
  fingerprint: string;
  createdAt: string;
  retiredAt: string | null;
  signingPublicKey: Buffer;
  encryptionPublicKey: Buffer;
  continuity?: Buffer;
}

/** What a backup carries for one generation. */
export interface SecretKeyGeneration {
  fingerprint: string;
  createdAt: string;
  retiredAt: string | null;
  signingSeed: Buffer;
  encryptionKey: Buffer;
  continuity?: string;
}

export interface KeyStatus {
  state: 'none' | 'locked' | 'unlocked';
  protection: ProtectionMethod | null;
  systemProtectionAvailable: boolean;
  organId: string | null;
  current: { fingerprint: string; fingerprintGroups: string[]; createdAt: string } | null;
  generations: { fingerprint: string; createdAt: string; retiredAt: string | null }[];
}

export type ProtectionChoice = { protection: 'system' } | { protection: 'passphrase'; passphrase: string };

interface UnlockedGeneration {
  signing: KeyObject;
  agreement: KeyObject;
}

export interface OfficeKeysOptions {
  /** Folder for office-keys.json, normally userData/keys. */
  dir: string;
  /** The OS key store, or null where the platform has none. */
  systemProtector: SecretProtector | null;
  now?: () => Date;
  /** Cheaper scrypt for tests; the default is DEFAULT_SCRYPT. */
  scrypt?: ScryptParams;
}

const CONTINUITY_DOMAIN = 'supervision-desk-key-continuity/1\n';

export function continuityMessage(organId: string, previous: string, next: string): Buffer {
  return Buffer.concat([Buffer.from(CONTINUITY_DOMAIN), canonicalBytes({ next, organId, previous })]);
}

/**
 * The office's own key generations (Ed25519 for signing, X25519 for receiving), sealed
 * at rest by the OS key store or a passphrase. Rotation adds a generation and keeps
 * the old ones, whose X25519 keys still open packages sent to them.
 */
export class OfficeKeys {
  private readonly path: string;
  private readonly now: () => Date;
  private unlocked: Map<string, UnlockedGeneration> | null = null;
  private passphraseProtector: PassphraseProtector | null = null;

  constructor(private readonly options: OfficeKeysOptions) {
    this.path = join(options.dir, 'office-keys.json');
    this.now = options.now ?? (() => new Date());
  }

  private load(): OfficeKeysFile | null {
    let raw: unknown;
    try {
      raw = readJsonFile(this.path);
    } catch (error) {
      throw new AppError('KEYS_FILE_DAMAGED', 'The office key file cannot be read', { cause: error });
    }
    if (raw === undefined) return null;
    const parsed = officeKeysFileSchema.safeParse(raw);
    if (!parsed.success) throw new AppError('KEYS_FILE_DAMAGED', 'The office key file is damaged');
    return parsed.data;
  }

  private require(): OfficeKeysFile {
    const file = this.load();
    if (!file) throw new AppError('KEYS_NOT_SET_UP', 'The office has no keys yet');
    return file;
  }

  systemProtectionAvailable(): boolean {
    return this.options.systemProtector?.isAvailable() ?? false;
  }

  status(): KeyStatus {
    const file = this.load();
    const systemProtectionAvailable = this.systemProtectionAvailable();
    if (!file) {
      return {
        state: 'none',
        protection: null,
        systemProtectionAvailable,
        organId: null,
        current: null,
        generations: [],
      };
    }
    const current = file.generations[file.generations.length - 1] as GenerationRecord;
    return {
      state: this.unlocked ? 'unlocked' : 'locked',
      protection: file.protection.method,
      systemProtectionAvailable,
      organId: file.organId,
      current: {
        fingerprint: current.fingerprint,
        fingerprintGroups: fingerprintGroups(current.fingerprint),
        createdAt: current.createdAt,
      },
      generations: file.generations.map((g) => ({
        fingerprint: g.fingerprint,
        createdAt: g.createdAt,
        retiredAt: g.retiredAt,
      })),
    };
  }

  organId(): string {
    return this.require().organId;
  }

  /** Public halves of every generation, oldest first. Works while locked. */
  generations(): PublicKeyGeneration[] {
    return this.require().generations.map(toPublic);
  }

  current(): PublicKeyGeneration {
    const all = this.generations();
    return all[all.length - 1] as PublicKeyGeneration;
  }

  ownsFingerprint(fingerprint: string): boolean {
    const file = this.load();
    return file?.generations.some((g) => g.fingerprint === fingerprint) ?? false;
  }

  private async protectorFor(choice: ProtectionChoice): Promise<{
    protector: SecretProtector;
    protection: OfficeKeysFile['protection'];
  }> {
    if (choice.protection === 'system') {
      const system = this.options.systemProtector;
      if (!system?.isAvailable()) {
        throw new AppError(
          'KEYS_PROTECTION_UNAVAILABLE',
          'This computer has no OS key store that can protect the keys; use a passphrase',
        );
      }
      return { protector: system, protection: { method: 'system' } };
    }
    const protector = await PassphraseProtector.create(
      choice.passphrase,
      undefined,
      this.options.scrypt ?? DEFAULT_SCRYPT,
    );
    this.passphraseProtector = protector;
    return { protector, protection: { method: 'passphrase', kdf: protector.kdf } };
  }

  private async storedProtector(file: OfficeKeysFile): Promise<SecretProtector> {
    if (file.protection.method === 'system') {
      const system = this.options.systemProtector;
      if (!system?.isAvailable()) {
        throw new AppError('KEYS_PROTECTION_UNAVAILABLE', 'The OS key store that protects the keys is not available');
      }
      return system;
    }
    if (!this.passphraseProtector || this.passphraseProtector.kdf.salt !== file.protection.kdf.salt) {
      throw new AppError('KEYS_LOCKED', 'Enter the passphrase to unlock the office keys');
    }
    return this.passphraseProtector;
  }

  /** First key generation of a new office. */
  async setUp(choice: ProtectionChoice): Promise<KeyStatus> {
    if (this.load()) throw new AppError('KEYS_ALREADY_SET_UP', 'The office already has keys; rotate them instead');
    const { protector, protection } = await this.protectorFor(choice);
    const organId = randomUUID();
    const { record, unlocked } = await this.newGeneration(protector, organId, null);
    this.save({ formatVersion: 1, organId, protection, generations: [record] });
    this.unlocked = new Map([[record.fingerprint, unlocked]]);
    return this.status();
  }

  private async newGeneration(
    protector: SecretProtector,
    organId: string,
    previous: { fingerprint: string; signing: KeyObject } | null,
  ): Promise<{ record: GenerationRecord; unlocked: UnlockedGeneration }> {
    const signing = generateSigningKeyPair();
    const agreement = generateAgreementKeyPair();
    const fingerprint = keyFingerprint(signing.publicKey, agreement.publicKey);
    const record: GenerationRecord = {
      fingerprint,
      createdAt: this.now().toISOString(),
      retiredAt: null,
      signingPublicKey: signing.publicKey.toString('base64'),
      encryptionPublicKey: agreement.publicKey.toString('base64'),
      sealedSigningKey: await protector.seal(signing.privateKey),
      sealedEncryptionKey: await protector.seal(agreement.privateKey),
      ...(previous
        ? {
            continuity: ed25519Sign(
              previous.signing,
              continuityMessage(organId, previous.fingerprint, fingerprint),
            ).toString('base64'),
          }
        : {}),
    };
    signing.privateKey.fill(0);
    agreement.privateKey.fill(0);
    return {
      record,
      unlocked: {
        signing: signingPrivateKey(Buffer.from(await protector.open(record.sealedSigningKey))),
        agreement: agreementPrivateKey(Buffer.from(await protector.open(record.sealedEncryptionKey))),
      },
    };
  }

  private save(file: OfficeKeysFile): void {
    writeJsonAtomic(this.path, file);
  }

  /** Opens every generation with the passphrase; a wrong one leaves the keys locked. */
  async unlock(passphrase: string): Promise<KeyStatus> {
    const file = this.require();
    if (file.protection.method !== 'passphrase') return this.ensureUnlocked().then(() => this.status());
    const protector = await PassphraseProtector.create(passphrase, file.protection.kdf);
    this.unlocked = await this.openAll(file, protector);
    this.passphraseProtector = protector;
    return this.status();
  }

  lock(): void {
    this.unlocked = null;
    this.passphraseProtector = null;
  }

  private async openAll(file: OfficeKeysFile, protector: SecretProtector): Promise<Map<string, UnlockedGeneration>> {
    const map = new Map<string, UnlockedGeneration>();
    for (const g of file.generations) {
      const seed = Buffer.from(await protector.open(g.sealedSigningKey));
      const scalar = Buffer.from(await protector.open(g.sealedEncryptionKey));
      const matches =
        signingPublicKeyOf(seed).equals(Buffer.from(g.signingPublicKey, 'base64')) &&
        agreementPublicKeyOf(scalar).equals(Buffer.from(g.encryptionPublicKey, 'base64'));
      if (!matches) throw new AppError('KEYS_FILE_DAMAGED', 'A private key does not match its public key');
      map.set(g.fingerprint, { signing: signingPrivateKey(seed), agreement: agreementPrivateKey(scalar) });
      seed.fill(0);
      scalar.fill(0);
    }
    return map;
  }

  /** With OS protection the keys open on first use; with a passphrase they must be unlocked first. */
  async ensureUnlocked(): Promise<Map<string, UnlockedGeneration>> {
    if (this.unlocked) return this.unlocked;
    const file = this.require();
    this.unlocked = await this.openAll(file, await this.storedProtector(file));
    return this.unlocked;
  }

  /** Signs with the current generation. */
  async signer(): Promise<{ fingerprint: string; sign(message: Uint8Array): Buffer }> {
    const unlocked = await this.ensureUnlocked();
    const current = this.current();
    const keys = unlocked.get(current.fingerprint);
    if (!keys) throw new AppError('KEYS_LOCKED', 'The current key is not unlocked');
    return { fingerprint: current.fingerprint, sign: (message) => ed25519Sign(keys.signing, message) };
  }

  /** The X25519 private key of a generation, to open a package addressed to it. */
  async agreementKey(fingerprint: string): Promise<KeyObject | undefined> {
    const unlocked = await this.ensureUnlocked();
    return unlocked.get(fingerprint)?.agreement;
  }

  /** A new current generation; the old ones are kept (retired) to open old packages. */
  async rotate(): Promise<KeyStatus> {
    const file = this.require();
    const unlocked = await this.ensureUnlocked();
    const protector = await this.storedProtector(file);
    const previous = file.generations[file.generations.length - 1] as GenerationRecord;
    const previousKeys = unlocked.get(previous.fingerprint);
    if (!previousKeys) throw new AppError('KEYS_LOCKED', 'The current key is not unlocked');
    const { record, unlocked: fresh } = await this.newGeneration(protector, file.organId, {
      fingerprint: previous.fingerprint,
      signing: previousKeys.signing,
    });
    const retiredAt = this.now().toISOString();
    const generations = file.generations.map((g) => (g.retiredAt ? g : { ...g, retiredAt }));
    this.save({ ...file, generations: [...generations, record] });
    unlocked.set(record.fingerprint, fresh);
    return this.status();
  }

  /** Re-seals every generation under the newly chosen protection. */
  async changeProtection(choice: ProtectionChoice): Promise<KeyStatus> {
    const file = this.require();
    await this.ensureUnlocked();
    const secrets = await this.exportSecrets();
    const { protector, protection } = await this.protectorFor(choice);
    const generations: GenerationRecord[] = [];
    for (const [i, s] of secrets.entries()) {
      const old = file.generations[i] as GenerationRecord;
      generations.push({
        ...old,
        sealedSigningKey: await protector.seal(s.signingSeed),
        sealedEncryptionKey: await protector.seal(s.encryptionKey),
      });
    }
    this.save({ ...file, protection, generations });
    return this.status();
  }

  /** The private keys of every generation, for the encrypted backup. */
  async exportSecrets(): Promise<SecretKeyGeneration[]> {
    const file = this.require();
    const protector = await this.storedProtector(file);
    const out: SecretKeyGeneration[] = [];
    for (const g of file.generations) {
      out.push({
        fingerprint: g.fingerprint,
        createdAt: g.createdAt,
        retiredAt: g.retiredAt,
        signingSeed: Buffer.from(await protector.open(g.sealedSigningKey)),
        encryptionKey: Buffer.from(await protector.open(g.sealedEncryptionKey)),
        ...(g.continuity ? { continuity: g.continuity } : {}),
      });
    }
    return out;
  }

  /**
   * Installs generations from a backup. On a machine without keys this restores the
   * office; with keys of the same organ it adds the generations it lacks.
   */
  async restore(organId: string, secrets: SecretKeyGeneration[], choice: ProtectionChoice): Promise<KeyStatus> {
    const existing = this.load();
    if (existing && existing.organId !== organId) {
      throw new AppError('KEYS_BACKUP_OTHER_ORGAN', 'The backup belongs to another organ than this office');
    }
    if (existing) await this.ensureUnlocked();
    const existingSecrets = existing ? await this.exportSecrets() : [];
    const byFingerprint = new Map<string, SecretKeyGeneration>();
    for (const s of [...existingSecrets, ...secrets]) byFingerprint.set(s.fingerprint, s);
    const merged = [...byFingerprint.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const { protector, protection } = await this.protectorFor(choice);
    const generations: GenerationRecord[] = [];
    for (const [i, s] of merged.entries()) {
      const signingPublicKey = signingPublicKeyOf(s.signingSeed);
      const encryptionPublicKey = agreementPublicKeyOf(s.encryptionKey);
      if (keyFingerprint(signingPublicKey, encryptionPublicKey) !== s.fingerprint) {
        throw new AppError('KEYS_BACKUP_INVALID', 'A key in the backup does not match its fingerprint');
      }
      const isLast = i === merged.length - 1;
      generations.push({
        fingerprint: s.fingerprint,
        createdAt: s.createdAt,
        retiredAt: isLast ? null : (s.retiredAt ?? this.now().toISOString()),
        signingPublicKey: signingPublicKey.toString('base64'),
        encryptionPublicKey: encryptionPublicKey.toString('base64'),
        sealedSigningKey: await protector.seal(s.signingSeed),
        sealedEncryptionKey: await protector.seal(s.encryptionKey),
        ...(s.continuity ? { continuity: s.continuity } : {}),
      });
    }
    this.save({ formatVersion: 1, organId, protection, generations });
    this.unlocked = await this.openAll(this.require(), protector);
    return this.status();
  }
}

function toPublic(g: GenerationRecord): PublicKeyGeneration {
  return {
    fingerprint: g.fingerprint,
    createdAt: g.createdAt,
    retiredAt: g.retiredAt,
    signingPublicKey: Buffer.from(g.signingPublicKey, 'base64'),
    encryptionPublicKey: Buffer.from(g.encryptionPublicKey, 'base64'),
    ...(g.continuity ? { continuity: Buffer.from(g.continuity, 'base64') } : {}),
  };
}

export type { PassphraseKdf };
