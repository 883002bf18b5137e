import { safeStorage } from 'electron';
import { AppError } from '../../../shared/ipc/errors';
import type { SecretProtector } from '../../services/keys/protector';

/**
 * The OS key store (Keychain, DPAPI, libsecret/KWallet) through Electron's safeStorage.
 * On Linux without a secret service Electron falls back to `basic_text`, a hard-coded
 * key that protects nothing; we report that as unavailable so the clerk must choose a
 * passphrase instead.
 */
export function createSafeStorageProtector(platform: NodeJS.Platform = process.platform): SecretProtector {
  const isAvailable = (): boolean => {
    if (!safeStorage.isEncryptionAvailable()) return false;
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return false;
    return true;
  };
  return {
    isAvailable,
    async seal(secret) {
      if (!isAvailable()) {
        throw new AppError('KEYS_PROTECTION_UNAVAILABLE', 'The OS key store is not available on this computer');
      }
      return safeStorage.encryptString(Buffer.from(secret).toString('base64')).toString('base64');
    },
    async open(sealed) {
      if (!isAvailable()) {
        throw new AppError('KEYS_PROTECTION_UNAVAILABLE', 'The OS key store is not available on this computer');
      }
      try {
        return Buffer.from(safeStorage.decryptString(Buffer.from(sealed, 'base64')), 'base64');
      } catch (error) {
        // A different user account or a reset key store: only the key backup can help now.
        throw new AppError('KEYS_PROTECTION_UNAVAILABLE', 'The OS key store cannot open the office keys', {
          cause: error,
        });
      }
    },
  };
}
