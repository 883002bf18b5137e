// Hashing (and the file I/O around it) on a worker thread, so that SHA-256 of a
// gigabyte of evidence runs beside encryption instead of after it. The worker bodies
// are self-contained functions passed as source text (`eval: true`): that works the
// same under tsx, vitest, the bundled Electron main process and the CLI, with no
// separate worker file for the bundler to find.
import { Worker } from 'node:worker_threads';
import { NODE_HASH } from './algorithms';

declare const require: NodeJS.Require;

/**
 * Source text for a worker running `program`. Transpilers that keep function names
 * (esbuild under tsx and vitest) insert calls to a `__name` helper, which the worker's
 * scope lacks; the prelude supplies a no-op one.
 */
const workerSource = (program: () => void): string => `var __name = (target) => target;\n(${program.toString()})();`;

/** An item of the stream the source worker produces: literal bytes or a file's contents. */
export type SourceItem = { kind: 'bytes'; data: Uint8Array } | { kind: 'file'; path: string; size: number };

export type SourceEvent =
  | { t: 'chunk'; buffer: ArrayBuffer; length: number; last: boolean }
  | { t: 'file'; item: number; sha256: string }
  | { t: 'error'; item: number; code: string; message: string }
  | { t: 'done' };

/**
 * Worker program: concatenates the items into chunks of exactly `chunkSize` bytes (the
 * last one shorter), hashing every file item as it is read. It may run at most
 * `credits` chunks ahead of the consumer, which returns credits through shared memory.
 */
function sourceProgram(): void {
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  const fs = require('node:fs') as typeof import('node:fs');
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const port = parentPort as import('node:worker_threads').MessagePort;
  const { items, chunkSize, control, hashName } = workerData as {
    items: ({ kind: 'bytes'; data: Uint8Array } | { kind: 'file'; path: string; size: number })[];
    chunkSize: number;
    control: SharedArrayBuffer;
    hashName: string;
  };
  const ctl = new Int32Array(control);
  const total = items.reduce((sum, item) => sum + (item.kind === 'bytes' ? item.data.length : item.size), 0);
  let produced = 0;
  let buffer = Buffer.allocUnsafeSlow(chunkSize);
  let fill = 0;
  let current = -1;

  const cancelled = () => Atomics.load(ctl, 1) !== 0;
  const emit = (last: boolean) => {
    for (;;) {
      if (cancelled()) throw Object.assign(new Error('cancelled'), { code: 'CANCELLED' });
      const credits = Atomics.load(ctl, 0);
      if (credits > 0 && Atomics.compareExchange(ctl, 0, credits, credits - 1) === credits) break;
      Atomics.wait(ctl, 0, credits, 250);
    }
    const out = buffer.buffer;
    port.postMessage({ t: 'chunk', buffer: out, length: fill, last }, [out]);
    buffer = last ? Buffer.alloc(0) : Buffer.allocUnsafeSlow(chunkSize);
    fill = 0;
  };
  const advance = (count: number) => {
    fill += count;
    produced += count;
    if (fill === chunkSize && produced < total) emit(false);
  };

  try {
    for (let i = 0; i < items.length; i++) {
      current = i;
      const item = items[i] as (typeof items)[number];
      if (item.kind === 'bytes') {
        let offset = 0;
        while (offset < item.data.length) {
          const count = Math.min(chunkSize - fill, item.data.length - offset);
          buffer.set(item.data.subarray(offset, offset + count), fill);
          offset += count;
          advance(count);
        }
        continue;
      }
      const fd = fs.openSync(item.path, 'r');
      try {
        if (fs.fstatSync(fd).size !== item.size) {
          throw Object.assign(new Error('size changed'), { code: 'SIZE_CHANGED' });
        }
        const hash = createHash(hashName);
        let remaining = item.size;
        while (remaining > 0) {
          const read = fs.readSync(fd, buffer, fill, Math.min(chunkSize - fill, remaining), null);
          if (read === 0) throw Object.assign(new Error('size changed'), { code: 'SIZE_CHANGED' });
          hash.update(buffer.subarray(fill, fill + read));
          remaining -= read;
          advance(read);
        }
        port.postMessage({ t: 'file', item: i, sha256: hash.digest('hex') });
      } finally {
        fs.closeSync(fd);
      }
    }
    emit(true);
    port.postMessage({ t: 'done' });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    port.postMessage({ t: 'error', item: current, code: String(e.code ?? 'ERROR'), message: String(e.message) });
  }
}

/** Producer of a package's plaintext stream, read and hashed off the main thread. */
export class SourceWorker {
  private readonly worker: Worker;
  private readonly control = new Int32Array(new SharedArrayBuffer(8));
  private readonly queue: SourceEvent[] = [];
  private waiting: ((event: SourceEvent) => void) | null = null;
  private failure: Error | null = null;

  constructor(items: SourceItem[], chunkSize: number, credits: number) {
    Atomics.store(this.control, 0, credits);
    this.worker = new Worker(workerSource(sourceProgram), {
      eval: true,
      workerData: { items, chunkSize, control: this.control.buffer, hashName: NODE_HASH },
    });
    this.worker.on('message', (event: SourceEvent) => this.deliver(event));
    this.worker.on('error', (error) => {
      this.failure = error;
      this.deliver({ t: 'error', item: -1, code: 'WORKER', message: error.message });
    });
  }

  private deliver(event: SourceEvent): void {
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve(event);
    } else {
      this.queue.push(event);
    }
  }

  /** The next event, in the order the worker sent them. */
  next(): Promise<SourceEvent> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    if (this.failure) return Promise.resolve({ t: 'error', item: -1, code: 'WORKER', message: this.failure.message });
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  /** Lets the worker produce one more chunk. */
  credit(): void {
    Atomics.add(this.control, 0, 1);
    Atomics.notify(this.control, 0);
  }

  async stop(): Promise<void> {
    Atomics.store(this.control, 1, 1);
    Atomics.notify(this.control, 0);
    await this.worker.terminate();
  }
}

export type SinkReply =
  | { t: 'ack'; bytes: number }
  | { t: 'closed'; id: number; sha256: string; size: number }
  | { t: 'error'; id: number; code: string; message: string }
  | { t: 'aborted' };

export interface SinkSegment {
  id: number;
  offset: number;
  length: number;
}

/**
 * Worker program: receives decrypted bytes for numbered files, hashes them and (when
 * the file has a path) writes them. Messages are handled strictly in order.
 */
function sinkProgram(): void {
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  const fs = require('node:fs') as typeof import('node:fs');
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  const port = parentPort as import('node:worker_threads').MessagePort;
  const { hashName } = workerData as { hashName: string };
  const files = new Map<number, { fd: number; path: string | null; hash: import('node:crypto').Hash; size: number }>();
  let failed = false;

  port.on(
    'message',
    (
      m:
        | { t: 'open'; id: number; path: string | null }
        | { t: 'data'; buffer: ArrayBuffer; segments: { id: number; offset: number; length: number }[]; bytes: number }
        | { t: 'close'; id: number }
        | { t: 'abort' },
    ) => {
      if (m.t === 'abort') {
        for (const file of files.values()) {
          try {
            if (file.fd >= 0) fs.closeSync(file.fd);
            if (file.path) fs.rmSync(file.path, { force: true });
          } catch {
            // Removing what we wrote is best effort; the caller removes the whole folder.
          }
        }
        files.clear();
        port.postMessage({ t: 'aborted' });
        return;
      }
      if (failed) {
        if (m.t === 'data') port.postMessage({ t: 'ack', bytes: m.bytes });
        return;
      }
      const id = m.t === 'data' ? -1 : m.id;
      try {
        if (m.t === 'open') {
          const fd = m.path ? fs.openSync(m.path, 'wx', 0o644) : -1;
          files.set(m.id, { fd, path: m.path, hash: createHash(hashName), size: 0 });
        } else if (m.t === 'data') {
          for (const segment of m.segments) {
            const file = files.get(segment.id);
            if (!file) throw new Error(`data for unopened file ${segment.id}`);
            const view = new Uint8Array(m.buffer, segment.offset, segment.length);
            file.hash.update(view);
            let written = 0;
            while (file.fd >= 0 && written < view.length) {
              written += fs.writeSync(file.fd, view, written, view.length - written);
            }
            file.size += segment.length;
          }
          port.postMessage({ t: 'ack', bytes: m.bytes });
        } else {
          const file = files.get(m.id);
          if (!file) throw new Error(`close of unopened file ${m.id}`);
          if (file.fd >= 0) fs.closeSync(file.fd);
          files.delete(m.id);
          port.postMessage({ t: 'closed', id: m.id, sha256: file.hash.digest('hex'), size: file.size });
        }
      } catch (error) {
        failed = true;
        const e = error as NodeJS.ErrnoException;
        port.postMessage({ t: 'error', id, code: String(e.code ?? 'ERROR'), message: String(e.message) });
        if (m.t === 'data') port.postMessage({ t: 'ack', bytes: m.bytes });
      }
    },
  );
}

/** Consumer of a package's decrypted files: hashes and writes them off the main thread. */
export class SinkWorker {
  private readonly worker: Worker;
  private outstanding = 0;
  private drained: (() => void) | null = null;
  private readonly closing = new Map<number, (result: { sha256: string; size: number }) => void>();
  private failure: Error | null = null;
  private abortDone: (() => void) | null = null;

  /** `maxOutstanding`: bytes handed over but not yet written, before `data` waits. */
  constructor(private readonly maxOutstanding = 16 * 1024 * 1024) {
    this.worker = new Worker(workerSource(sinkProgram), { eval: true, workerData: { hashName: NODE_HASH } });
    this.worker.on('message', (reply: SinkReply) => this.onReply(reply));
    this.worker.on('error', (error) => this.fail(error));
  }

  private onReply(reply: SinkReply): void {
    if (reply.t === 'ack') {
      this.outstanding -= reply.bytes;
      if (this.outstanding <= this.maxOutstanding && this.drained) {
        const resolve = this.drained;
        this.drained = null;
        resolve();
      }
    } else if (reply.t === 'closed') {
      this.closing.get(reply.id)?.(reply);
      this.closing.delete(reply.id);
    } else if (reply.t === 'error') {
      this.fail(Object.assign(new Error(reply.message), { code: reply.code }));
    } else {
      this.abortDone?.();
    }
  }

  private fail(error: Error): void {
    if (!this.failure) this.failure = error;
    const resolve = this.drained;
    this.drained = null;
    resolve?.();
    for (const [id] of this.closing) this.closing.get(id)?.({ sha256: '', size: -1 });
    this.closing.clear();
  }

  /** The I/O error the worker hit (ENOSPC, EACCES …), if any. */
  error(): Error | null {
    return this.failure;
  }

  open(id: number, path: string | null): void {
    this.worker.postMessage({ t: 'open', id, path });
  }

  /** Hands `buffer` over (it is transferred, not copied); waits while too much is in flight. */
  async data(buffer: ArrayBuffer, segments: SinkSegment[]): Promise<void> {
    const bytes = segments.reduce((sum, s) => sum + s.length, 0);
    this.outstanding += bytes;
    this.worker.postMessage({ t: 'data', buffer, segments, bytes }, [buffer]);
    if (this.outstanding > this.maxOutstanding && !this.failure) {
      await new Promise<void>((resolve) => {
        this.drained = resolve;
      });
    }
  }

  /** Digest and size of a finished file; size -1 when the worker failed. */
  close(id: number): Promise<{ sha256: string; size: number }> {
    if (this.failure) return Promise.resolve({ sha256: '', size: -1 });
    return new Promise((resolve) => {
      this.closing.set(id, resolve);
      this.worker.postMessage({ t: 'close', id });
    });
  }

  /** Closes and deletes every file still open. */
  async abort(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.abortDone = resolve;
      this.worker.postMessage({ t: 'abort' });
      setTimeout(resolve, 2000).unref();
    });
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
