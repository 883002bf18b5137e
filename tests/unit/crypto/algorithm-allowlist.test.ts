import { getCiphers, getCurves, getHashes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLOWED_ALGORITHM_SPELLINGS } from '../../../electron/services/crypto/algorithms';

const repoRoot = join(import.meta.dirname, '../../..');
const allowed = new Set<string>(ALLOWED_ALGORITHM_SPELLINGS);
/** Cipher names that are also plain words a program may use as strings. */
const ORDINARY_WORDS = new Set(['seed', 'cast', 'idea']);
/** Named in DESIGN.md §4 as missing from Electron; some are absent from Node's lists too. */
const KNOWN_MISSING_IN_ELECTRON = [
  'chacha20-poly1305',
  'chacha20',
  'xchacha20-poly1305',
  'sm2',
  'sm3',
  'sm4',
  'sm4-gcm',
  'sha3-256',
  'sha3-512',
  'blake2b512',
  'blake2s256',
  'aes-256-ccm',
  'aes-256-ocb',
  'id-aes256-wrap',
  'aes-256-kw',
  'md5',
  'sha1',
  'x448',
  'ed448',
];
const algorithmNames = new Set(
  [
    ...getHashes(),
    ...getCiphers(),
    ...getCurves(),
    ...KNOWN_MISSING_IN_ELECTRON,
    'sha-1',
    'sha-384',
    'rsa-pss',
    'rsa-oaep',
    'ecdsa',
    'ecdh',
    'aes-cbc',
    'aes-ctr',
    'aes-kw',
  ]
    .map((n) => n.toLowerCase())
    .filter((n) => !ORDINARY_WORDS.has(n)),
);

/** String literals in source text (quotes and backquotes without interpolation). */
function stringLiterals(source: string): string[] {
  const out: string[] = [];
  for (const match of source.matchAll(/(['"`])((?:\\.|(?!\1)[^\\\n$])*)\1/g)) out.push(match[2] as string);
  return out;
}

/** Algorithm names a source file uses that are not on the allow-list. */
function forbiddenAlgorithms(source: string): string[] {
  return stringLiterals(source).filter((literal) => {
    const name = literal.toLowerCase();
    return algorithmNames.has(name) && !allowed.has(name);
  });
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|tsx|js|mjs|cjs)$/.test(name)) out.push(path);
  }
  return out;
}

describe('crypto algorithm allow-list (DESIGN.md §4)', () => {
  it('finds a forbidden algorithm when one is named', () => {
    expect(forbiddenAlgorithms(`createHash('md5'); createCipheriv("chacha20-poly1305", k, n)`)).toEqual([
      'md5',
      'chacha20-poly1305',
    ]);
    expect(forbiddenAlgorithms(`subtle.digest('SHA-1', data); createHash('sha3-256')`)).toEqual(['SHA-1', 'sha3-256']);
    expect(forbiddenAlgorithms(`createHash('sha256'); sign(null, m, 'ed25519')`)).toEqual([]);
  });

  it('allows only algorithms that Electron’s BoringSSL has', () => {
    for (const spelling of ALLOWED_ALGORITHM_SPELLINGS) {
      expect(KNOWN_MISSING_IN_ELECTRON).not.toContain(spelling);
    }
  });

  it('no code under electron/, shared/ or renderer/ names another algorithm', () => {
    const offenders: string[] = [];
    for (const top of ['electron', 'shared', 'renderer']) {
      for (const file of sourceFiles(join(repoRoot, top))) {
        for (const name of forbiddenAlgorithms(readFileSync(file, 'utf8'))) {
          offenders.push(`${relative(repoRoot, file)}: ${name}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
