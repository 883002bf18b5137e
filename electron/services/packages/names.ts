import { AppError } from '../../../shared/ipc/errors';

export const MAX_NAME_BYTES = 1024;
export const MAX_SEGMENT_BYTES = 255;

/** Why a name is refused; shown to IT staff and in the CLI's JSON. */
export type UnsafeNameReason =
  | 'encoding'
  | 'empty'
  | 'too-long'
  | 'control-character'
  | 'backslash'
  | 'absolute'
  | 'drive-letter'
  | 'dot-segment'
  | 'directory'
  | 'reserved-name';

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes a raw name strictly; invalid UTF-8 is an unsafe name, not a replacement character. */
export function decodeName(raw: Uint8Array): string {
  try {
    return utf8.decode(raw);
  } catch {
    throw unsafe('\uFFFD', 'encoding');
  }
}

function unsafe(name: string, reason: UnsafeNameReason): AppError {
  return new AppError('PKG_UNSAFE_NAME', `Unsafe entry name ${JSON.stringify(name.slice(0, 200))} (${reason})`, {
    params: { name: name.slice(0, 200), reason },
  });
}

/** The first rule a name breaks, or null. Order matters: the most telling reason wins. */
export function unsafeNameReason(name: string): UnsafeNameReason | null {
  if (name.length === 0) return 'empty';
  if (Buffer.byteLength(name, 'utf8') > MAX_NAME_BYTES) return 'too-long';
  if (name.includes('\\')) return 'backslash';
  if (name.startsWith('/')) return 'absolute';
  if (/^[A-Za-z]:/.test(name) || name.includes(':')) return 'drive-letter';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control-character';
  if (name.endsWith('/')) return 'directory';
  for (const segment of name.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') return 'dot-segment';
    if (Buffer.byteLength(segment, 'utf8') > MAX_SEGMENT_BYTES) return 'too-long';
    if (WINDOWS_RESERVED.test(segment) || /[. ]$/.test(segment)) return 'reserved-name';
  }
  return null;
}

/**
 * A relative, '/'-separated path that is safe to create under a folder on Windows,
 * macOS and Linux alike. Throws PKG_UNSAFE_NAME with the reason.
 */
export function assertSafeName(name: string): void {
  const reason = unsafeNameReason(name);
  if (reason) throw unsafe(name, reason);
}

/**
 * The key under which two names collide on some file system: NFC (macOS decomposes,
 * others do not) and case folding (Windows and macOS ignore case).
 */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC');
}

/** Throws PKG_DUPLICATE_ENTRY for the first pair of names that would land on the same file. */
export function assertNoCollisions(names: Iterable<string>): void {
  const seen = new Map<string, string>();
  for (const name of names) {
    const key = collisionKey(name);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw new AppError(
        'PKG_DUPLICATE_ENTRY',
        `Entries ${JSON.stringify(earlier)} and ${JSON.stringify(name)} collide`,
        {
          params: { name: name.slice(0, 200), other: earlier.slice(0, 200) },
        },
      );
    }
    seen.set(key, name);
  }
}
