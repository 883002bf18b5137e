import { AppError } from '../../../shared/ipc/errors';
import {
  aeadOpen,
  aeadSeal,
  agreementPrivateKey,
  agreementPublicKeyOf,
  ed25519Sign,
  ed25519Verify,
  hkdfSha256,
  hmacSha256,
  scryptKey,
  sha256,
  sha512,
  signingPrivateKey,
  signingPublicKeyOf,
  x25519,
} from './primitives';

const hex = (value: string): Buffer => Buffer.from(value.replace(/\s+/g, ''), 'hex');

interface KnownAnswer {
  name: string;
  run(): boolean | Promise<boolean>;
}

/**
 * Published test vectors, checked through the same helpers the app uses. A runtime
 * whose crypto differs (a BoringSSL build missing an algorithm, a broken binding)
 * fails here at start-up instead of writing packages nobody can open.
 */
const KNOWN_ANSWERS: KnownAnswer[] = [
  {
    name: 'SHA-256 (FIPS 180-2, "abc")',
    run: () => sha256('abc').equals(hex('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')),
  },
  {
    name: 'SHA-512 (FIPS 180-2, "abc")',
    run: () =>
      sha512('abc').equals(
        hex(
          'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
        ),
      ),
  },
  {
    name: 'HMAC-SHA-256 (RFC 4231 case 1)',
    run: () =>
      hmacSha256(Buffer.alloc(20, 0x0b), 'Hi There').equals(
        hex('b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'),
      ),
  },
  {
    name: 'HKDF-SHA-256 (RFC 5869 case 1)',
    run: () =>
      hkdfSha256(Buffer.alloc(22, 0x0b), hex('000102030405060708090a0b0c'), hex('f0f1f2f3f4f5f6f7f8f9'), 42).equals(
        hex('3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865'),
      ),
  },
  {
    name: 'AES-256-GCM (McGrew–Viega test case 14)',
    run: () => {
      const key = Buffer.alloc(32);
      const nonce = Buffer.alloc(12);
      const expected = hex('cea7403d4d606b6e074ec5d3baf39d18 d0d1c8a799996bf0265b98b5d48ab919');
      const sealed = aeadSeal(key, nonce, Buffer.alloc(16));
      return sealed.equals(expected) && aeadOpen(key, nonce, sealed).equals(Buffer.alloc(16));
    },
  },
  {
    name: 'Ed25519 (RFC 8032 §7.1 test 1)',
    run: () => {
      const seed = hex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
      const publicKey = hex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
      const signature = hex(
        'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
      );
      const message = Buffer.alloc(0);
      return (
        signingPublicKeyOf(seed).equals(publicKey) &&
        ed25519Sign(signingPrivateKey(seed), message).equals(signature) &&
        ed25519Verify(publicKey, message, signature) &&
        !ed25519Verify(publicKey, Buffer.from([0]), signature)
      );
    },
  },
  {
    name: 'X25519 (RFC 7748 §6.1)',
    run: () => {
      const alice = hex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
      const bob = hex('5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb');
      const shared = hex('4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742');
      return (
        agreementPublicKeyOf(alice).equals(hex('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a')) &&
        x25519(agreementPrivateKey(alice), agreementPublicKeyOf(bob)).equals(shared) &&
        x25519(agreementPrivateKey(bob), agreementPublicKeyOf(alice)).equals(shared)
      );
    },
  },
  {
    name: 'scrypt (RFC 7914 §12, N=1024)',
    run: async () =>
      (await scryptKey('password', Buffer.from('NaCl'), { N: 1024, r: 8, p: 16 }, 64)).equals(
        hex(
          'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640',
        ),
      ),
  },
];

export interface SelfTestReport {
  passed: string[];
  failed: string[];
}

/** Runs every known-answer test; never throws. */
export async function runCryptoSelfTest(): Promise<SelfTestReport> {
  const report: SelfTestReport = { passed: [], failed: [] };
  for (const test of KNOWN_ANSWERS) {
    let ok = false;
    try {
      ok = await test.run();
    } catch {
      ok = false;
    }
    (ok ? report.passed : report.failed).push(test.name);
  }
  return report;
}

/** For the composition root: refuse to start on a runtime whose crypto gives wrong answers. */
export async function assertCryptoSelfTest(): Promise<SelfTestReport> {
  const report = await runCryptoSelfTest();
  if (report.failed.length > 0) {
    throw new AppError('CRYPTO_SELF_TEST_FAILED', `Crypto self-test failed: ${report.failed.join(', ')}`, {
      params: { failed: report.failed.join(', ') },
    });
  }
  return report;
}
