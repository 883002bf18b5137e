import { join } from 'node:path';
import { type OfficeIdentity, officeIdentitySchema } from '../../../shared/domain/office';
import { AppError } from '../../../shared/ipc/errors';
import { z } from '../../../shared/zod-setup';
import { readJsonFile, writeJsonAtomic } from '../atomic-file';
import { ed25519Verify, randomBytes } from '../crypto/primitives';
import { type OrganCertificate, readCertificate } from './certificate';
import { fingerprintGroups } from './fingerprint';
import { continuityMessage } from './office-keys';

const trustedKeySchema = z.object({
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  signingPublicKey: z.string(),
  encryptionPublicKey: z.string(),
  keyCreatedAt: z.string(),
  importedAt: z.string(),
  /** The previous trusted key of the organ signed this one (a rotation). */
  continuityFrom: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revocationReason: z.string().nullable(),
});

const trustedOrganSchema = z.object({
  organId: z.uuid(),
  organ: officeIdentitySchema,
  /** Oldest first. */
  keys: z.array(trustedKeySchema).min(1),
});

const trustFileSchema = z.object({ formatVersion: z.literal(1), organs: z.array(trustedOrganSchema) });

type TrustFile = z.infer<typeof trustFileSchema>;
export type TrustedKeyRecord = z.infer<typeof trustedKeySchema>;
export type TrustedOrganRecord = z.infer<typeof trustedOrganSchema>;

/** How a certificate relates to what the registry already holds. */
export type CertificateStatus = 'new-organ' | 'new-key' | 'rotation' | 'already-trusted';

export interface CertificatePreview {
  token: string;
  organId: string;
  organ: OfficeIdentity;
  fingerprint: string;
  fingerprintGroups: string[];
  keyCreatedAt: string;
  issuedAt: string;
  status: CertificateStatus;
}

export interface TrustedKeyLookup {
  organ: TrustedOrganRecord;
  key: TrustedKeyRecord;
  signingPublicKey: Buffer;
  encryptionPublicKey: Buffer;
}

export interface TrustRegistryOptions {
  dir: string;
  now?: () => Date;
  /** Who we are, so that our own certificate is not imported as a peer. */
  own: () => { organId: string | null; fingerprints: string[] };
}

const PREVIEW_LIFETIME_MS = 15 * 60 * 1000;

/**
 * The organs this office exchanges packages with (信任的机关): their certificates,
 * imported only after the clerk has read the fingerprint back over the phone and
 * confirmed it, and revocable. Persisted as userData/keys/trust.json.
 */
export class TrustRegistry {
  private readonly path: string;
  private readonly now: () => Date;
  private readonly pending = new Map<string, { certificate: OrganCertificate; expires: number }>();

  constructor(private readonly options: TrustRegistryOptions) {
    this.path = join(options.dir, 'trust.json');
    this.now = options.now ?? (() => new Date());
  }

  private load(): TrustFile {
    let raw: unknown;
    try {
      raw = readJsonFile(this.path);
    } catch (error) {
      throw new AppError('KEYS_FILE_DAMAGED', 'The trust registry cannot be read', { cause: error });
    }
    if (raw === undefined) return { formatVersion: 1, organs: [] };
    const parsed = trustFileSchema.safeParse(raw);
    if (!parsed.success) throw new AppError('KEYS_FILE_DAMAGED', 'The trust registry is damaged');
    return parsed.data;
  }

  private save(file: TrustFile): void {
    writeJsonAtomic(this.path, file);
  }

  list(): TrustedOrganRecord[] {
    return this.load().organs;
  }

  /** Step one of an import: check the certificate and show what it is. Nothing is stored. */
  preview(bytes: Uint8Array): CertificatePreview {
    const certificate = readCertificate(bytes);
    const own = this.options.own();
    if (certificate.organId === own.organId || own.fingerprints.includes(certificate.fingerprint)) {
      throw new AppError('TRUST_OWN_CERTIFICATE', 'This is the certificate of this office itself');
    }
    const file = this.load();
    const revoked = this.findIn(file, certificate.fingerprint)?.key.revokedAt;
    if (revoked) {
      throw new AppError('TRUST_KEY_REVOKED', 'This key was revoked and cannot be trusted again', {
        params: { revokedAt: revoked },
      });
    }
    this.expirePending();
    const token = randomBytes(16).toString('hex');
    this.pending.set(token, { certificate, expires: this.now().getTime() + PREVIEW_LIFETIME_MS });
    return {
      token,
      organId: certificate.organId,
      organ: certificate.organ,
      fingerprint: certificate.fingerprint,
      fingerprintGroups: fingerprintGroups(certificate.fingerprint),
      keyCreatedAt: certificate.keyCreatedAt,
      issuedAt: certificate.issuedAt,
      status: this.statusOf(file, certificate),
    };
  }

  private statusOf(file: TrustFile, certificate: OrganCertificate): CertificateStatus {
    const organ = file.organs.find((o) => o.organId === certificate.organId);
    if (!organ) return 'new-organ';
    if (organ.keys.some((k) => k.fingerprint === certificate.fingerprint)) return 'already-trusted';
    return this.continuityFrom(organ, certificate) ? 'rotation' : 'new-key';
  }

  /** The trusted, unrevoked key of the same organ that signed this certificate's key, if any. */
  private continuityFrom(organ: TrustedOrganRecord, certificate: OrganCertificate): string | null {
    const previous = certificate.previous;
    if (!previous) return null;
    const key = organ.keys.find((k) => k.fingerprint === previous.fingerprint && !k.revokedAt);
    if (!key) return null;
    const message = continuityMessage(certificate.organId, previous.fingerprint, certificate.fingerprint);
    return ed25519Verify(Buffer.from(key.signingPublicKey, 'base64'), message, previous.continuity)
      ? key.fingerprint
      : null;
  }

  private expirePending(): void {
    const now = this.now().getTime();
    for (const [token, entry] of this.pending) if (entry.expires < now) this.pending.delete(token);
  }

  /**
   * Step two: the clerk confirms the fingerprint they read back. The fingerprint sent
   * with the confirmation must be the previewed one, so a UI cannot confirm blindly.
   */
  confirm(token: string, fingerprint: string): TrustedOrganRecord {
    this.expirePending();
    const entry = this.pending.get(token);
    if (!entry) throw new AppError('TRUST_PREVIEW_EXPIRED', 'Open the certificate again; the preview has expired');
    const { certificate } = entry;
    if (certificate.fingerprint !== fingerprint) {
      throw new AppError('TRUST_FINGERPRINT_MISMATCH', 'The confirmed fingerprint is not the one of this certificate');
    }
    const file = this.load();
    if (this.findIn(file, certificate.fingerprint)?.key.revokedAt) {
      throw new AppError('TRUST_KEY_REVOKED', 'This key was revoked and cannot be trusted again');
    }
    const now = this.now().toISOString();
    const existing = file.organs.find((o) => o.organId === certificate.organId);
    const key: TrustedKeyRecord = {
      fingerprint: certificate.fingerprint,
      signingPublicKey: certificate.signingPublicKey.toString('base64'),
      encryptionPublicKey: certificate.encryptionPublicKey.toString('base64'),
      keyCreatedAt: certificate.keyCreatedAt,
      importedAt: now,
      continuityFrom: existing ? this.continuityFrom(existing, certificate) : null,
      revokedAt: null,
      revocationReason: null,
    };
    let organ: TrustedOrganRecord;
    if (!existing) {
      organ = { organId: certificate.organId, organ: certificate.organ, keys: [key] };
      file.organs.push(organ);
    } else {
      const known = existing.keys.some((k) => k.fingerprint === key.fingerprint);
      organ = {
        ...existing,
        organ: certificate.organ,
        keys: known ? existing.keys : [...existing.keys, key],
      };
      file.organs = file.organs.map((o) => (o.organId === organ.organId ? organ : o));
    }
    this.save(file);
    this.pending.delete(token);
    return organ;
  }

  /** A revoked key no longer authenticates anything; packages signed with it are refused. */
  revoke(fingerprint: string, reason: string): TrustedOrganRecord {
    const file = this.load();
    const found = this.findIn(file, fingerprint);
    if (!found) throw new AppError('NOT_FOUND', 'No trusted key has this fingerprint');
    if (!found.key.revokedAt) {
      found.key.revokedAt = this.now().toISOString();
      found.key.revocationReason = reason;
      this.save(file);
    }
    return found.organ;
  }

  private findIn(file: TrustFile, fingerprint: string): { organ: TrustedOrganRecord; key: TrustedKeyRecord } | null {
    for (const organ of file.organs) {
      const key = organ.keys.find((k) => k.fingerprint === fingerprint);
      if (key) return { organ, key };
    }
    return null;
  }

  /** Any key ever trusted, revoked ones included (the caller decides what revocation means). */
  findKey(fingerprint: string): TrustedKeyLookup | null {
    const found = this.findIn(this.load(), fingerprint);
    if (!found) return null;
    return {
      ...found,
      signingPublicKey: Buffer.from(found.key.signingPublicKey, 'base64'),
      encryptionPublicKey: Buffer.from(found.key.encryptionPublicKey, 'base64'),
    };
  }

  findOrgan(organId: string): TrustedOrganRecord | null {
    return this.load().organs.find((o) => o.organId === organId) ?? null;
  }

  /** The newest unrevoked key of an organ: the one packages to it are encrypted for. */
  activeKey(organId: string): TrustedKeyLookup {
    const organ = this.findOrgan(organId);
    if (!organ) throw new AppError('NOT_FOUND', 'This organ is not in the trust registry');
    const key = organ.keys
      .filter((k) => !k.revokedAt)
      .sort((a, b) => a.keyCreatedAt.localeCompare(b.keyCreatedAt))
      .at(-1);
    if (!key) {
      throw new AppError('TRUST_NO_ACTIVE_KEY', 'Every key of this organ has been revoked', {
        params: { organ: organ.organ.name },
      });
    }
    return {
      organ,
      key,
      signingPublicKey: Buffer.from(key.signingPublicKey, 'base64'),
      encryptionPublicKey: Buffer.from(key.encryptionPublicKey, 'base64'),
    };
  }
}
