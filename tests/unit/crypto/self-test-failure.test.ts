import { describe, expect, it, vi } from 'vitest';

// A runtime whose SHA-256 is wrong (as a broken or substituted crypto build would be).
vi.mock('../../../electron/services/crypto/primitives', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../electron/services/crypto/primitives')>();
  return { ...real, sha256: (data: Uint8Array | string) => real.sha256(`${String(data)}!`) };
});

const { assertCryptoSelfTest, runCryptoSelfTest } = await import('../../../electron/services/crypto/self-test');

describe('crypto self-test on a broken runtime', () => {
  it('names the failing algorithm and refuses to start', async () => {
    const report = await runCryptoSelfTest();
    expect(report.failed).toEqual(['SHA-256 (FIPS 180-2, "abc")']);
    await expect(assertCryptoSelfTest()).rejects.toMatchObject({ code: 'CRYPTO_SELF_TEST_FAILED' });
  });
});
