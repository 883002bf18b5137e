import { officeIdentitySchema } from '../../domain/office';
import { z } from '../../zod-setup';

const none = z.undefined();
const fingerprint = z.string().regex(/^[0-9a-f]{64}$/);
const passphrase = z.string().min(8).max(200);

export const protectionChoiceSchema = z.discriminatedUnion('protection', [
  z.object({ protection: z.literal('system') }),
  z.object({ protection: z.literal('passphrase'), passphrase }),
]);

export const keyStatusSchema = z.object({
  state: z.enum(['none', 'locked', 'unlocked']),
  protection: z.enum(['system', 'passphrase']).nullable(),
  /** False on Linux with only `basic_text`: the clerk must choose a passphrase. */
  systemProtectionAvailable: z.boolean(),
  organId: z.string().nullable(),
  current: z.object({ fingerprint, fingerprintGroups: z.array(z.string()), createdAt: z.string() }).nullable(),
  generations: z.array(z.object({ fingerprint, createdAt: z.string(), retiredAt: z.string().nullable() })),
});

export const certificatePreviewSchema = z.object({
  token: z.string(),
  organId: z.string(),
  organ: officeIdentitySchema,
  fingerprint,
  fingerprintGroups: z.array(z.string()),
  keyCreatedAt: z.string(),
  issuedAt: z.string(),
  /** new-organ · new-key (an organ already trusted, key not vouched for) · rotation · already-trusted */
  status: z.enum(['new-organ', 'new-key', 'rotation', 'already-trusted']),
});

export const trustedOrganSchema = z.object({
  organId: z.string(),
  organ: officeIdentitySchema,
  keys: z.array(
    z.object({
      fingerprint,
      fingerprintGroups: z.array(z.string()),
      keyCreatedAt: z.string(),
      importedAt: z.string(),
      continuityFrom: z.string().nullable(),
      revokedAt: z.string().nullable(),
      revocationReason: z.string().nullable(),
    }),
  ),
});

const savedPath = z.object({ path: z.string().nullable() });

/** The office's own keys and certificate, and the registry of trusted organs. */
export const keysChannels = {
  'keys.status': { input: none, output: keyStatusSchema },
  'keys.setUp': { input: protectionChoiceSchema, output: keyStatusSchema },
  'keys.unlock': { input: z.object({ passphrase }), output: keyStatusSchema },
  'keys.rotate': { input: none, output: keyStatusSchema },
  'keys.changeProtection': { input: protectionChoiceSchema, output: keyStatusSchema },
  'keys.ownCertificate': {
    input: none,
    output: z.object({
      organId: z.string(),
      organ: officeIdentitySchema,
      fingerprint,
      fingerprintGroups: z.array(z.string()),
      keyCreatedAt: z.string(),
    }),
  },
  /** Save dialog, then writes the certificate file; path null when cancelled. */
  'keys.exportCertificate': { input: none, output: savedPath },
  'keys.writeBackup': { input: z.object({ passphrase }), output: savedPath },
  /** Open dialog, then restores from the backup and protects the keys as chosen. */
  'keys.restoreBackup': {
    input: z.object({ passphrase, protection: protectionChoiceSchema }),
    output: z.object({ restored: z.boolean(), status: keyStatusSchema }),
  },
  /** Open dialog, then checks the certificate; nothing is stored until confirmed. */
  'trust.previewCertificate': { input: none, output: z.object({ preview: certificatePreviewSchema.nullable() }) },
  'trust.confirmCertificate': {
    input: z.object({ token: z.string().min(1).max(100), fingerprint }),
    output: trustedOrganSchema,
  },
  'trust.list': { input: none, output: z.array(trustedOrganSchema) },
  'trust.revoke': {
    input: z.object({ fingerprint, reason: z.string().trim().min(1).max(200) }),
    output: trustedOrganSchema,
  },
} as const;
