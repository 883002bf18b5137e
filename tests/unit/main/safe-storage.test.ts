import { beforeEach, describe, expect, it, vi } from 'vitest';

const safeStorage = {
  isEncryptionAvailable: vi.fn(() => true),
  getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
  // A reversible stand-in for the OS: enough to check the adapter's framing.
  encryptString: vi.fn((plain: string) => Buffer.from(`os:${plain}`)),
  decryptString: vi.fn((sealed: Buffer) => {
    const text = sealed.toString();
    if (!text.startsWith('os:')) throw new Error('Error while decrypting the ciphertext provided');
    return text.slice(3);
  }),
};
vi.mock('electron', () => ({ safeStorage }));

const { createSafeStorageProtector } = await import('../../../electron/main/adapters/safe-storage');

beforeEach(() => {
  safeStorage.isEncryptionAvailable.mockReturnValue(true);
  safeStorage.getSelectedStorageBackend.mockReturnValue('gnome_libsecret');
});

describe('safeStorage adapter', () => {
  it('seals through the OS key store and opens again', async () => {
    const protector = createSafeStorageProtector('linux');
    expect(protector.isAvailable()).toBe(true);
    const secret = Buffer.from([1, 2, 3, 250]);
    const sealed = await protector.seal(secret);
    expect(safeStorage.encryptString).toHaveBeenCalled();
    expect(Buffer.from(await protector.open(sealed))).toEqual(secret);
  });

  it('reports unavailable on Linux when only basic_text is there', async () => {
    safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    const protector = createSafeStorageProtector('linux');
    expect(protector.isAvailable()).toBe(false);
    await expect(protector.seal(Buffer.from('x'))).rejects.toMatchObject({ code: 'KEYS_PROTECTION_UNAVAILABLE' });
  });

  it('does not ask for a Linux backend on other platforms', () => {
    safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    expect(createSafeStorageProtector('win32').isAvailable()).toBe(true);
  });

  it('reports unavailable when Electron has no encryption at all', () => {
    safeStorage.isEncryptionAvailable.mockReturnValue(false);
    expect(createSafeStorageProtector('darwin').isAvailable()).toBe(false);
  });

  it('turns a key store that cannot open the keys into a coded error', async () => {
    const protector = createSafeStorageProtector('darwin');
    await expect(protector.open(Buffer.from('garbage').toString('base64'))).rejects.toMatchObject({
      code: 'KEYS_PROTECTION_UNAVAILABLE',
    });
  });
});
