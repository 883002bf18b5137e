import { describe, expect, it } from 'vitest';
import * as primitives from '../../../electron/services/crypto/primitives';
import { assertCryptoSelfTest, runCryptoSelfTest } from '../../../electron/services/crypto/self-test';

describe('crypto known-answer self-test', () => {
  it('passes every published vector on this runtime', async () => {
    const report = await runCryptoSelfTest();
    expect(report.failed).toEqual([]);
    expect(report.passed).toHaveLength(8);
    await expect(assertCryptoSelfTest()).resolves.toMatchObject({ failed: [] });
  });
});

describe('crypto primitives', () => {
  it('refuses AES-GCM output with one bit changed', () => {
    const key = primitives.randomBytes(32);
    const nonce = primitives.randomBytes(12);
    const sealed = primitives.aeadSeal(key, nonce, Buffer.from('监督意见书'), Buffer.from('aad'));
    expect(primitives.aeadOpen(key, nonce, sealed, Buffer.from('aad')).toString()).toBe('监督意见书');
    const flipped = Buffer.from(sealed);
    flipped[0] = (flipped[0] as number) ^ 1;
    expect(() => primitives.aeadOpen(key, nonce, flipped, Buffer.from('aad'))).toThrow(
      primitives.AuthenticationFailure,
    );
    expect(() => primitives.aeadOpen(key, nonce, sealed, Buffer.from('other'))).toThrow(
      primitives.AuthenticationFailure,
    );
  });

  it('refuses a low-order X25519 public key', () => {
    const own = primitives.agreementPrivateKey(primitives.randomBytes(32));
    expect(() => primitives.x25519(own, Buffer.alloc(32))).toThrow(primitives.AuthenticationFailure);
  });

  it('reports malformed Ed25519 input as a failed verification, not a crash', () => {
    expect(primitives.ed25519Verify(Buffer.alloc(31), Buffer.from('m'), Buffer.alloc(64))).toBe(false);
    expect(primitives.ed25519Verify(Buffer.alloc(32), Buffer.from('m'), Buffer.alloc(10))).toBe(false);
  });
});
