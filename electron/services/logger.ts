import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export interface FileLoggerOptions {
  dir: string;
  fileName?: string;
  /** Size at which the file rolls over to `<name>.1`; one old file is kept. */
  maxBytes?: number;
  now?: () => Date;
}

/**
 * One JSON object per line in userData/logs. Writes are synchronous so that the
 * last lines before a crash are on disk; log volume is small (errors, operations).
 */
export function createFileLogger(options: FileLoggerOptions): Logger & { path: string } {
  const { dir, fileName = 'main.log', maxBytes = 5 * 1024 * 1024, now = () => new Date() } = options;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, fileName);

  const write = (level: string, message: string, details?: Record<string, unknown>) => {
    const line = `${JSON.stringify({ time: now().toISOString(), level, message, ...serialize(details) })}\n`;
    try {
      if ((statSync(path, { throwIfNoEntry: false })?.size ?? 0) > maxBytes) renameSync(path, `${path}.1`);
      appendFileSync(path, line);
    } catch {
      // A log that cannot be written must never take the app down with it.
    }
  };
  return {
    path,
    info: (m, d) => write('info', m, d),
    warn: (m, d) => write('warn', m, d),
    error: (m, d) => write('error', m, d),
  };
}

function serialize(details?: Record<string, unknown>): Record<string, unknown> {
  if (!details) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(details)) {
    out[key] = value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
  }
  return out;
}

/** For tests and the CLI, where nothing should be written. */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
