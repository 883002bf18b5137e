// The package verifier for IT staff (SPEC.md §11): `npm run pkg -- inspect|verify|decrypt …`.
// It runs the same reader as the app, with trust taken from certificate files (or the
// app's registry) and keys from an encrypted key backup, since the OS key store the
// app uses is out of reach of a command-line tool.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { crc32 } from 'node:zlib';
import type { Locale } from '../../shared/domain/locale';
import { translate } from '../../shared/i18n';
import { AppError } from '../../shared/ipc/errors';
import { agreementPrivateKey, agreementPublicKeyOf, signingPublicKeyOf } from '../services/crypto/primitives';
import { openKeyBackup } from '../services/keys/backup';
import { readCertificate } from '../services/keys/certificate';
import { keyFingerprint } from '../services/keys/fingerprint';
import { TrustRegistry } from '../services/keys/trust-registry';
import { TAG_FILES } from '../services/packages/bag';
import { PACKAGE_FORMAT_VERSION } from '../services/packages/header';
import {
  authenticateSender,
  checkRecipient,
  decryptPackage,
  type OpenedPackage,
  openPackage,
  type ReaderKey,
  type SenderKey,
  senderKeysOf,
  unwrapPackageKey,
} from '../services/packages/reader';

/** Exit codes, documented in SPEC.md §11. */
export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  unreadable: 3,
  format: 4,
  damaged: 5,
  unsafe: 6,
  untrusted: 7,
  notForUs: 8,
} as const;

const EXIT_BY_CODE: Record<string, number> = {
  PKG_NOT_A_PACKAGE: EXIT.format,
  PKG_MALFORMED: EXIT.format,
  PKG_UNSUPPORTED_VERSION: EXIT.format,
  PKG_LIMIT_EXCEEDED: EXIT.format,
  PKG_TRUNCATED: EXIT.damaged,
  PKG_TRAILING_DATA: EXIT.damaged,
  PKG_HEADER_DAMAGED: EXIT.damaged,
  PKG_CHUNK_DAMAGED: EXIT.damaged,
  PKG_FINAL_CHUNK_DAMAGED: EXIT.damaged,
  PKG_HASH_MISMATCH: EXIT.damaged,
  PKG_CRC_MISMATCH: EXIT.damaged,
  PKG_SIZE_MISMATCH: EXIT.damaged,
  PKG_UNSAFE_NAME: EXIT.unsafe,
  PKG_LINK_ENTRY: EXIT.unsafe,
  PKG_DUPLICATE_ENTRY: EXIT.unsafe,
  PKG_COMPRESSED_ENTRY: EXIT.unsafe,
  PKG_UNEXPECTED_ENTRY: EXIT.unsafe,
  PKG_UNLISTED_FILE: EXIT.unsafe,
  PKG_MISSING_FILE: EXIT.unsafe,
  PKG_UNKNOWN_SENDER: EXIT.untrusted,
  PKG_SENDER_REVOKED: EXIT.untrusted,
  PKG_BAD_SIGNATURE: EXIT.untrusted,
  TRUST_CERTIFICATE_INVALID: EXIT.untrusted,
  PKG_WRONG_RECIPIENT: EXIT.notForUs,
  PKG_NO_KEY: EXIT.notForUs,
  KEYS_WRONG_PASSPHRASE: EXIT.notForUs,
  KEYS_BACKUP_INVALID: EXIT.notForUs,
  IO_ERROR: EXIT.unreadable,
};

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  /** Asks for the key backup's passphrase when none is in the environment. */
  readPassphrase?(): Promise<string>;
}

interface Options {
  command: 'inspect' | 'verify' | 'decrypt';
  file: string;
  json: boolean;
  trust: string[];
  userData: string | null;
  key: string | null;
  out: string | null;
  locale: Locale;
}

class UsageError extends Error {}

function parseArgs(argv: string[], env: CliIo['env']): Options {
  const [command, ...rest] = argv;
  if (command !== 'inspect' && command !== 'verify' && command !== 'decrypt') {
    throw new UsageError(command ? `unknown command ${command}` : 'no command');
  }
  const options: Options = {
    command,
    file: '',
    json: false,
    trust: [],
    userData: null,
    key: null,
    out: null,
    locale: (env.LANG ?? '').startsWith('zh') ? 'zh-CN' : 'en',
  };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    const value = () => {
      const next = rest[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    if (arg === '--json') options.json = true;
    else if (arg === '--trust') options.trust.push(value());
    else if (arg === '--user-data') options.userData = value();
    else if (arg === '--key') options.key = value();
    else if (arg === '--out') options.out = value();
    else if (arg === '--lang') {
      const lang = value();
      if (lang !== 'zh-CN' && lang !== 'en') throw new UsageError('--lang is zh-CN or en');
      options.locale = lang;
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
    else if (!options.file) options.file = arg;
    else throw new UsageError(`unexpected argument ${arg}`);
  }
  if (!options.file) throw new UsageError('no package file given');
  if (command === 'decrypt' && (!options.out || !options.key)) throw new UsageError('decrypt needs --key and --out');
  if (command !== 'inspect' && options.trust.length === 0 && !options.userData) {
    throw new UsageError(`${command} needs --trust CERTIFICATE or --user-data DIR`);
  }
  return options;
}

/** Sender keys from certificate files and/or the app's trust registry. */
function senderLookup(options: Options): (fingerprint: string) => SenderKey | null {
  const fromFiles = new Map<string, SenderKey>();
  for (const path of options.trust) {
    const certificate = readCertificate(readFileSync(path));
    fromFiles.set(certificate.fingerprint, {
      organId: certificate.organId,
      signingPublicKey: certificate.signingPublicKey,
      revoked: false,
    });
  }
  const registry = options.userData
    ? new TrustRegistry({ dir: join(options.userData, 'keys'), own: () => ({ organId: null, fingerprints: [] }) })
    : null;
  const fromRegistry = registry ? senderKeysOf(registry) : () => null;
  return (fingerprint) => fromFiles.get(fingerprint) ?? fromRegistry(fingerprint);
}

interface OwnKeys {
  organId: string;
  readers: ReaderKey[];
  signing: Map<string, Buffer>;
}

async function ownKeys(options: Options, io: CliIo): Promise<OwnKeys | null> {
  if (!options.key) return null;
  const passphrase = io.env.SDPKG_PASSPHRASE ?? (await io.readPassphrase?.());
  if (!passphrase) throw new UsageError('set SDPKG_PASSPHRASE to the key backup passphrase');
  const backup = await openKeyBackup(readFileSync(options.key), passphrase);
  const readers: ReaderKey[] = [];
  const signing = new Map<string, Buffer>();
  for (const g of backup.generations) {
    const publicKey = agreementPublicKeyOf(g.encryptionKey);
    const signingPublicKey = signingPublicKeyOf(g.signingSeed);
    if (keyFingerprint(signingPublicKey, publicKey) !== g.fingerprint) {
      throw new AppError('KEYS_BACKUP_INVALID', 'A key in the backup does not match its fingerprint');
    }
    readers.push({ fingerprint: g.fingerprint, privateKey: agreementPrivateKey(g.encryptionKey), publicKey });
    signing.set(g.fingerprint, signingPublicKey);
  }
  return { organId: backup.organId, readers, signing };
}

/** CRC-32 of payload.bin as the ZIP records it: a check of the ciphertext that needs no key. */
async function payloadCrc(opened: OpenedPackage): Promise<number> {
  const handle = await open(opened.path, 'r');
  const buffer = Buffer.allocUnsafe(1 << 20);
  let crc = 0;
  try {
    for (let done = 0; done < opened.payload.size; ) {
      const { bytesRead } = await handle.read(
        buffer,
        0,
        Math.min(buffer.length, opened.payload.size - done),
        opened.payload.dataOffset + done,
      );
      if (bytesRead === 0) throw new AppError('PKG_TRUNCATED', 'The package file is incomplete (cut off)');
      crc = crc32(buffer.subarray(0, bytesRead), crc);
      done += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return crc >>> 0;
}

function summary(opened: OpenedPackage) {
  const { header } = opened;
  return {
    formatVersion: header.formatVersion,
    packageId: header.packageId,
    createdAt: header.createdAt,
    sequence: header.sequence,
    schemaVersion: header.schemaVersion,
    sender: {
      organId: header.sender.organId,
      organName: header.sender.organ.name,
      divisionCode: header.sender.organ.divisionCode,
      keyFingerprint: header.sender.keyFingerprint,
    },
    recipient: header.recipient,
    fileCount: header.bag.fileCount,
    dataBytes: header.bag.dataBytes,
    bagDigest: header.bag.digest,
    packageBytes: opened.fileSize,
    chunkSize: header.payload.chunkSize,
    readers: header.keys.map((k) => k.keyFingerprint),
  };
}

type Report = Record<string, unknown>;

async function run(options: Options, io: CliIo): Promise<Report> {
  const opened = await openPackage(resolve(options.file));
  const report: Report = { package: summary(opened) };
  if (options.command === 'inspect') return report;

  const mine = await ownKeys(options, io);
  const sentByUs = mine?.signing.get(opened.header.sender.keyFingerprint);
  const lookup = sentByUs
    ? () => ({ organId: opened.header.sender.organId, signingPublicKey: sentByUs, revoked: false })
    : senderLookup(options);
  authenticateSender(opened, lookup, []);
  report.signature = 'valid';
  if (!mine) {
    if ((await payloadCrc(opened)) !== opened.payload.crc) {
      throw new AppError('PKG_CRC_MISMATCH', 'payload.bin does not match its CRC-32');
    }
    report.payloadCrc32 = 'valid';
    report.content = 'not checked (no --key)';
    return report;
  }
  if (!sentByUs) {
    checkRecipient(
      opened,
      mine.organId,
      mine.readers.map((r) => r.fingerprint),
    );
  }
  report.openedAs = sentByUs ? 'sender' : 'recipient';
  const fileKey = unwrapPackageKey(opened, mine.readers);
  const out = options.command === 'decrypt' ? resolve(options.out as string) : null;
  if (out) {
    if (existsSync(out) && readdirSync(out).length > 0) throw new UsageError(`${out} is not empty`);
    mkdirSync(join(out, 'data', 'files'), { recursive: true });
  }
  try {
    const bag = await decryptPackage(opened, fileKey, {
      placeFile: (bagPath) => (out ? join(out, bagPath) : null),
    });
    if (out) {
      for (const name of TAG_FILES) writeFileSync(join(out, name), bag.tagFiles.get(name) as Buffer);
      writeFileSync(join(out, 'data', 'content.json'), bag.content);
    }
    report.content = 'verified';
    report.files = bag.files.map((f) => ({ sha256: f.sha256, size: f.size }));
    if (out) report.out = out;
    return report;
  } catch (error) {
    if (out) rmSync(out, { recursive: true, force: true });
    throw error;
  }
}

function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof AppError) return EXIT_BY_CODE[error.code] ?? EXIT.internal;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return EXIT.unreadable;
  return EXIT.internal;
}

const HELP = `Usage: npm run pkg -- <command> <file.sdpkg> [options]
  inspect   structure and header, no keys needed
  verify    + sender signature (--trust/--user-data) and, with --key, every byte decrypted and hashed
  decrypt   verify, then write the bag to --out DIR
Options: --trust CERT.sdcert (repeatable)  --user-data DIR  --key BACKUP.sdkeys (passphrase in SDPKG_PASSPHRASE)
         --out DIR  --json  --lang zh-CN|en
Exit codes: 0 ok · 1 internal · 2 usage · 3 unreadable · 4 not a v${PACKAGE_FORMAT_VERSION} package · 5 damaged · 6 unsafe content · 7 untrusted sender · 8 not for this key
`;

/** Runs one command; returns the process exit code. */
export async function runPkgCli(argv: string[], io: CliIo): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(argv, io.env);
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${HELP}`);
    return EXIT.usage;
  }
  const t = (key: string, params?: Record<string, string | number>) => translate(options.locale, key, params);
  try {
    const report = await run(options, io);
    if (options.json) {
      io.stdout(`${JSON.stringify({ ok: true, command: options.command, file: options.file, ...report }, null, 2)}\n`);
    } else {
      const pkg = report.package as ReturnType<typeof summary>;
      const lines = [
        `${t('packages.cli.package')}: ${pkg.packageId}  (${t('packages.cli.format')} ${pkg.formatVersion})`,
        `${t('packages.cli.sender')}: ${pkg.sender.organName} (${pkg.sender.divisionCode})  ${pkg.sender.keyFingerprint}`,
        `${t('packages.cli.recipient')}: ${pkg.recipient.organName} (${pkg.recipient.divisionCode})  ${pkg.recipient.keyFingerprint}`,
        `${t('packages.cli.created')}: ${pkg.createdAt}  #${pkg.sequence}  ${pkg.schemaVersion}`,
        `${t('packages.cli.files')}: ${pkg.fileCount}, ${pkg.dataBytes} bytes`,
      ];
      if (report.signature) lines.push(`${t('packages.cli.signature')}: ${t('packages.cli.valid')}`);
      if (report.content === 'verified') lines.push(`${t('packages.cli.content')}: ${t('packages.cli.verified')}`);
      else if (report.content) lines.push(`${t('packages.cli.content')}: ${t('packages.cli.notChecked')}`);
      if (report.out) lines.push(`${t('packages.cli.writtenTo')}: ${report.out}`);
      io.stdout(`${lines.join('\n')}\n`);
    }
    return EXIT.ok;
  } catch (error) {
    const exitCode = exitCodeOf(error);
    const failure =
      error instanceof AppError
        ? { code: error.code, message: error.message, params: error.params ?? {} }
        : { code: exitCode === EXIT.usage ? 'USAGE' : 'IO_ERROR', message: (error as Error).message, params: {} };
    if (options.json) {
      io.stdout(
        `${JSON.stringify({ ok: false, command: options.command, file: options.file, exitCode, error: failure }, null, 2)}\n`,
      );
    } else {
      const localized = error instanceof AppError ? t(`errors.codes.${error.code}`, error.params) : failure.message;
      io.stderr(`${failure.code}: ${localized}\n  ${failure.message}\n`);
    }
    return exitCode;
  }
}
