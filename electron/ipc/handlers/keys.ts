import { readFileSync, statSync } from 'node:fs';
import type { OfficeIdentity } from '../../../shared/domain/office';
import { translate } from '../../../shared/i18n';
import { AppError } from '../../../shared/ipc/errors';
import { writeFileAtomic } from '../../services/atomic-file';
import type { DialogPort } from '../../services/dialogs';
import { BACKUP_EXTENSION, createKeyBackup, openKeyBackup } from '../../services/keys/backup';
import { CERTIFICATE_EXTENSION, issueCertificate, MAX_CERTIFICATE_BYTES } from '../../services/keys/certificate';
import { fingerprintGroups } from '../../services/keys/fingerprint';
import type { OfficeKeys } from '../../services/keys/office-keys';
import type { TrustedOrganRecord, TrustRegistry } from '../../services/keys/trust-registry';
import type { SettingsService } from '../../services/settings';
import type { Handlers } from '../dispatch';

export interface KeysHandlerDeps {
  settings: SettingsService;
  keys: OfficeKeys;
  trust: TrustRegistry;
  dialogs: DialogPort;
  now: () => Date;
}

type KeysChannel =
  | 'keys.status'
  | 'keys.setUp'
  | 'keys.unlock'
  | 'keys.rotate'
  | 'keys.changeProtection'
  | 'keys.ownCertificate'
  | 'keys.exportCertificate'
  | 'keys.writeBackup'
  | 'keys.restoreBackup'
  | 'trust.previewCertificate'
  | 'trust.confirmCertificate'
  | 'trust.list'
  | 'trust.revoke';

const MAX_BACKUP_FILE = 4 * 1024 * 1024;

/** A small file picked in a dialog, refused unread when it is too large to be what it claims. */
function readSmallFile(path: string, limit: number, tooLarge: () => AppError): Buffer {
  if (statSync(path).size > limit) throw tooLarge();
  return readFileSync(path);
}

function organView(organ: TrustedOrganRecord) {
  return {
    organId: organ.organId,
    organ: organ.organ,
    keys: organ.keys.map((k) => ({
      fingerprint: k.fingerprint,
      fingerprintGroups: fingerprintGroups(k.fingerprint),
      keyCreatedAt: k.keyCreatedAt,
      importedAt: k.importedAt,
      continuityFrom: k.continuityFrom,
      revokedAt: k.revokedAt,
      revocationReason: k.revocationReason,
    })),
  };
}

export function keysHandlers(deps: KeysHandlerDeps): Pick<Handlers, KeysChannel> {
  const { settings, keys, trust, dialogs, now } = deps;
  const t = (key: string) => translate(settings.locale(), key);
  const office = (): OfficeIdentity => {
    const identity = settings.office();
    if (!identity) throw new AppError('NOT_CONFIGURED', 'Set up the office identity first');
    return identity;
  };
  return {
    'keys.status': () => keys.status(),
    'keys.setUp': (choice) => keys.setUp(choice),
    'keys.unlock': ({ passphrase }) => keys.unlock(passphrase),
    'keys.rotate': () => keys.rotate(),
    'keys.changeProtection': (choice) => keys.changeProtection(choice),
    'keys.ownCertificate': () => {
      const current = keys.current();
      return {
        organId: keys.organId(),
        organ: office(),
        fingerprint: current.fingerprint,
        fingerprintGroups: fingerprintGroups(current.fingerprint),
        keyCreatedAt: current.createdAt,
      };
    },
    'keys.exportCertificate': async () => {
      const text = await issueCertificate(keys, office(), now());
      const path = await dialogs.showSave({
        title: t('packages.dialog.exportCertificate'),
        defaultPath: `${office().shortName}.${CERTIFICATE_EXTENSION}`,
        filters: [{ name: t('packages.fileTypes.certificate'), extensions: [CERTIFICATE_EXTENSION] }],
      });
      if (!path) return { path: null };
      writeFileAtomic(path, text);
      return { path };
    },
    'keys.writeBackup': async ({ passphrase }) => {
      const text = await createKeyBackup(keys, passphrase, now());
      const path = await dialogs.showSave({
        title: t('packages.dialog.writeBackup'),
        defaultPath: `${settings.office()?.shortName ?? 'office'}-keys.${BACKUP_EXTENSION}`,
        filters: [{ name: t('packages.fileTypes.keyBackup'), extensions: [BACKUP_EXTENSION] }],
      });
      if (!path) return { path: null };
      writeFileAtomic(path, text);
      return { path };
    },
    'keys.restoreBackup': async ({ passphrase, protection }) => {
      const paths = await dialogs.showOpen({
        title: t('packages.dialog.restoreBackup'),
        filters: [{ name: t('packages.fileTypes.keyBackup'), extensions: [BACKUP_EXTENSION] }],
      });
      const path = paths?.[0];
      if (!path) return { restored: false, status: keys.status() };
      const bytes = readSmallFile(path, MAX_BACKUP_FILE, () => new AppError('KEYS_BACKUP_INVALID', 'Too large'));
      const backup = await openKeyBackup(bytes, passphrase);
      return { restored: true, status: await keys.restore(backup.organId, backup.generations, protection) };
    },
    'trust.previewCertificate': async () => {
      const paths = await dialogs.showOpen({
        title: t('packages.dialog.importCertificate'),
        filters: [{ name: t('packages.fileTypes.certificate'), extensions: [CERTIFICATE_EXTENSION] }],
      });
      const path = paths?.[0];
      if (!path) return { preview: null };
      const bytes = readSmallFile(
        path,
        MAX_CERTIFICATE_BYTES,
        () => new AppError('TRUST_CERTIFICATE_INVALID', 'Too large', { params: { reason: 'too-large' } }),
      );
      return { preview: trust.preview(bytes) };
    },
    'trust.confirmCertificate': ({ token, fingerprint }) => organView(trust.confirm(token, fingerprint)),
    'trust.list': () => trust.list().map(organView),
    'trust.revoke': ({ fingerprint, reason }) => organView(trust.revoke(fingerprint, reason)),
  };
}
