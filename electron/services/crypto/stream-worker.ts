// The bulk work of packages on worker threads: reading + SHA-256 on one, AES-256-GCM
// + CRC-32 + writing (or reading + decrypting) on another, hashing + writing files on
// a third. The main thread only orchestrates, so a gigabyte moves at the speed of the
// slower stage and the UI stays responsive. Buffers cycle between the threads
// (transferred, never copied), so memory stays at a few chunks whatever the size.
//
// The worker bodies are self-contained functions passed as source text (`eval: true`):
// that works the same under tsx, vitest, the bundled Electron main process and the CLI,
// with no separate worker file for a bundler to find.
import { MessageChannel, Worker } from 'node:worker_threads';
import { NODE_AEAD, NODE_HASH } from './algorithms';

/**
 * The worker's `require`, under a name bundlers do not recognise: an ES-module build
 * would otherwise rewrite `require(…)` inside the worker bodies into a helper that
 * exists only in the main bundle.
 */
declare const workerRequire: NodeJS.Require;

/**
 * Source text for a worker running `program`. Transpilers that keep function names
 * (esbuild under tsx and vitest) insert calls to a `__name` helper, which the worker's
 * scope lacks; the prelude supplies a no-op one, and binds `workerRequire`.
 */
/** Workers allocate little on the JS heap; a small young generation keeps their footprint small. */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 256 };

/*
 * Chunk memory a worker receives or produces is freed only when that worker's isolate
 * collects garbage. V8 starts a collection when new space fills or after ~64 MiB of
 * external memory, and these workers allocate almost nothing on the JS heap, so chunks
 * would pile up to that limit. The bodies below therefore allocate a little short-lived
 * "ballast" per chunk (BALLAST_SLOTS), which lets a cheap minor collection run every few
 * megabytes and return the chunks' memory: peak memory then stays flat and small.
 */
const BALLAST_SLOTS = 8192;

/*
 * AES-GCM runs over a chunk in pieces of this size. Node's cipher.update allocates,
 * zero-fills and copies its output; on pieces that fit in the CPU cache that costs
 * little, on whole 1 MiB chunks it halves the throughput. Measured here: 0.5 s/GiB in
 * 32 KiB pieces against 1.2 s/GiB in 1 MiB calls.
 */
const CIPHER_PIECE = 32 * 1024;

const workerSource = (program: () => void): string =>
  `var __name = (target) => target;\nvar workerRequire = require;\n(${program.toString()})();`;

/** Slots of the shared control array. */
const CANCELLED = 0;
const RETURNED = 1;
const CREDITS = 2;

/** An item of the stream the reader produces: literal bytes or a file's contents. */
export type SourceItem = { kind: 'bytes'; data: Uint8Array } | { kind: 'file'; path: string; size: number };

/**
 * Reader-writer program (export). It concatenates the items into chunks of exactly
 * `chunkSize` bytes (the last one shorter) and sends each to the encrypter, which seals
 * it in place, extends the running CRC-32 and sends it back; this thread then writes it
 * at its place in the package. So the work splits into two halves of about equal cost:
 * reading and writing here, AES-GCM and CRC-32 there. At most `pool` buffers circulate.
 *
 * Files are not hashed again here: they come from the content-addressed store under
 * their SHA-256, the signed manifest names that digest, and the recipient checks every
 * byte against it — so a file damaged in the store since makes the recipient refuse the
 * package and never slips through. Leaving a second SHA-256 pass out keeps export at
 * the speed of AES-GCM and the disk.
 */
function readerProgram(): void {
  const { workerData, receiveMessageOnPort } = workerRequire(
    'node:worker_threads',
  ) as typeof import('node:worker_threads');
  const fs = workerRequire('node:fs') as typeof import('node:fs');
  type Port = import('node:worker_threads').MessagePort;
  const { items, chunkSize, control, pool, toEncrypter, sealed, toMain, fd, position } = workerData as {
    items: ({ kind: 'bytes'; data: Uint8Array } | { kind: 'file'; path: string; size: number })[];
    chunkSize: number;
    control: SharedArrayBuffer;
    pool: number;
    toEncrypter: Port;
    sealed: Port;
    toMain: Port;
    fd: number;
    position: number;
  };
  const ctl = new Int32Array(control);
  const capacity = chunkSize + 16;
  const total = items.reduce((sum, item) => sum + (item.kind === 'bytes' ? item.data.length : item.size), 0);
  const free: Buffer[] = [];
  let allocated = 0;
  let sent = 0;
  let stored = 0;
  let produced = 0;
  let current = -1;
  let at = position;
  let crc = 0;

  const fail = (code: string, message: string) => Object.assign(new Error(message), { code });
  const store = (
    message: { buffer: ArrayBuffer; length: number; index: number; crc: number } | { error: string; code: string },
  ) => {
    if ('error' in message) throw fail(message.code, message.error);
    if (message.index !== stored) throw fail('ORDER', `sealed chunk ${message.index} came back when ${stored} was due`);
    const chunk = Buffer.from(message.buffer, 0, message.length);
    crc = message.crc;
    for (let done = 0; done < chunk.length; ) done += fs.writeSync(fd, chunk, done, chunk.length - done, at + done);
    at += chunk.length;
    stored++;
    if (stored % 8 === 0) toMain.postMessage({ t: 'progress', written: at - position });
    free.push(Buffer.from(message.buffer));
  };
  /** Stores every sealed chunk that has come back; with `wait`, waits for at least one. */
  const collect = (wait: boolean) => {
    for (;;) {
      if (Atomics.load(ctl, 0) !== 0) throw fail('CANCELLED', 'cancelled');
      const seen = Atomics.load(ctl, 1);
      let got = false;
      for (let back = receiveMessageOnPort(sealed); back; back = receiveMessageOnPort(sealed)) {
        store(back.message as Parameters<typeof store>[0]);
        got = true;
      }
      if (got || !wait) return;
      Atomics.wait(ctl, 1, seen, 250);
    }
  };
  const take = (): Buffer => {
    for (;;) {
      collect(false);
      const ready = free.pop();
      if (ready) return ready;
      if (allocated < pool) {
        allocated++;
        return Buffer.allocUnsafeSlow(capacity);
      }
      collect(true);
    }
  };
  let buffer = take();
  let fill = 0;
  const emit = (last: boolean) => {
    const out = buffer.buffer as ArrayBuffer;
    toEncrypter.postMessage({ buffer: out, length: fill, index: sent++, last }, [out]);
    fill = 0;
    if (!last) buffer = take();
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
        if (fs.fstatSync(fd).size !== item.size) throw fail('SIZE_CHANGED', 'size changed');
        let remaining = item.size;
        while (remaining > 0) {
          const read = fs.readSync(fd, buffer, fill, Math.min(chunkSize - fill, remaining), null);
          if (read === 0) throw fail('SIZE_CHANGED', 'size changed');
          remaining -= read;
          advance(read);
        }
      } finally {
        fs.closeSync(fd);
      }
    }
    emit(true);
    current = -1;
    while (stored < sent) collect(true);
    toMain.postMessage({ t: 'done', crc: crc >>> 0, written: at - position });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    toMain.postMessage({ t: 'error', item: current, code: String(e.code ?? 'ERROR'), message: String(e.message) });
  }
}

/**
 * Encrypter program (export): seals each chunk with AES-256-GCM under its counter
 * nonce, in place (ciphertext over plaintext, then the 16-byte tag), and sends it back.
 */
function encrypterProgram(): void {
  const { workerData } = workerRequire('node:worker_threads') as typeof import('node:worker_threads');
  const { createCipheriv } = workerRequire('node:crypto') as typeof import('node:crypto');
  const { crc32 } = workerRequire('node:zlib') as { crc32(data: Uint8Array, value?: number): number };
  type Port = import('node:worker_threads').MessagePort;
  const { key, aead, control, fromReader, sealed, ballastSlots, piece } = workerData as {
    key: Uint8Array;
    aead: string;
    control: SharedArrayBuffer;
    fromReader: Port;
    sealed: Port;
    ballastSlots: number;
    piece: number;
  };
  const held: { ballast: unknown } = { ballast: null };
  const ctl = new Int32Array(control);
  const nonce = Buffer.alloc(12);
  let crc = 0;
  const send = (message: unknown, transfer: ArrayBuffer[] = []) => {
    sealed.postMessage(message, transfer);
    Atomics.add(ctl, 1, 1);
    Atomics.notify(ctl, 1);
  };
  let failed = false;
  fromReader.on('message', (m: { buffer: ArrayBuffer; length: number; index: number; last: boolean }) => {
    if (failed) return;
    try {
      // 11-byte big-endian counter, then the final-chunk flag (SPEC.md §6.3).
      nonce.fill(0);
      nonce.writeUIntBE(Math.floor(m.index / 2 ** 40), 0, 6);
      nonce.writeUIntBE(m.index % 2 ** 40, 6, 5);
      nonce[11] = m.last ? 1 : 0;
      const cipher = createCipheriv(aead as 'aes-256-gcm', key, nonce, { authTagLength: 16 });
      const chunk = new Uint8Array(m.buffer);
      // Each piece is read before it is overwritten by its own ciphertext, and checksummed
      // while still in the cache. Chunks arrive in order, so the CRC-32 runs in order too.
      for (let offset = 0; offset < m.length; offset += piece) {
        const sealedPiece = cipher.update(chunk.subarray(offset, Math.min(offset + piece, m.length)));
        chunk.set(sealedPiece, offset);
        crc = crc32(sealedPiece, crc);
      }
      cipher.final();
      const tag = cipher.getAuthTag();
      chunk.set(tag, m.length);
      crc = crc32(tag, crc);
      held.ballast = new Array(ballastSlots).fill(0);
      send({ buffer: m.buffer, length: m.length + 16, index: m.index, crc: crc >>> 0 }, [m.buffer]);
    } catch (error) {
      failed = true;
      const e = error as NodeJS.ErrnoException;
      send({ error: String(e.message), code: String(e.code ?? 'ERROR') });
    }
  });
}

export type EncryptEvent =
  | { t: 'progress'; written: number }
  | { t: 'done'; crc: number; written: number }
  | { t: 'error'; item: number; code: string; message: string };

/** A queue of worker messages read one at a time with `await next()`. */
class Inbox<T> {
  private readonly queue: T[] = [];
  private waiting: ((value: T) => void) | null = null;

  push(value: T): void {
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve(value);
    } else {
      this.queue.push(value);
    }
  }

  next(): Promise<T> {
    const queued = this.queue.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }
}

export interface EncryptPipelineOptions {
  items: SourceItem[];
  chunkSize: number;
  /** AES-256-GCM payload key. */
  key: Uint8Array;
  /** Open file descriptor of the package being written, and where the payload starts. */
  fd: number;
  position: number;
  /** Chunk buffers in circulation. */
  pool?: number;
}

/** Export's payload stage: reader-writer thread ⇄ encrypter thread, into the package file. */
export class EncryptPipeline {
  private readonly control = new Int32Array(new SharedArrayBuffer(12));
  private readonly workers: Worker[];
  private readonly inbox = new Inbox<EncryptEvent>();
  private readonly port: import('node:worker_threads').MessagePort;

  constructor(options: EncryptPipelineOptions) {
    const data = new MessageChannel();
    const sealed = new MessageChannel();
    const toMain = new MessageChannel();
    toMain.port1.on('message', (event: EncryptEvent) => this.inbox.push(event));
    this.port = toMain.port1;
    const control = this.control.buffer;
    const reader = new Worker(workerSource(readerProgram), {
      eval: true,
      resourceLimits: WORKER_LIMITS,
      workerData: {
        items: options.items,
        chunkSize: options.chunkSize,
        control,
        pool: options.pool ?? 6,
        toEncrypter: data.port1,
        sealed: sealed.port2,
        toMain: toMain.port2,
        fd: options.fd,
        position: options.position,
      },
      transferList: [data.port1, sealed.port2, toMain.port2],
    });
    const encrypter = new Worker(workerSource(encrypterProgram), {
      eval: true,
      resourceLimits: WORKER_LIMITS,
      workerData: {
        key: options.key,
        aead: NODE_AEAD,
        ballastSlots: BALLAST_SLOTS,
        piece: CIPHER_PIECE,
        control,
        fromReader: data.port2,
        sealed: sealed.port1,
      },
      transferList: [data.port2, sealed.port1],
    });
    this.workers = [reader, encrypter];
    for (const worker of this.workers) {
      worker.on('error', (error) => this.inbox.push({ t: 'error', item: -1, code: 'WORKER', message: error.message }));
    }
  }

  next(): Promise<EncryptEvent> {
    return this.inbox.next();
  }

  /** Makes the consumer's pending or next `next()` report cancellation. */
  cancel(): void {
    this.inbox.push({ t: 'error', item: -1, code: 'CANCELLED', message: 'cancelled' });
  }

  /**
   * Stops both threads. The reader-writer writes with blocking calls through the
   * caller's descriptor; once terminate() has resolved none is running, and the caller
   * may close it.
   */
  async stop(): Promise<void> {
    Atomics.store(this.control, CANCELLED, 1);
    Atomics.notify(this.control, RETURNED);
    this.port.close();
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Decrypter program (import): reads sealed chunk after sealed chunk of the payload,
 * opens each with AES-256-GCM (counter nonce, final flag on the last) and sends the
 * plaintext on. It may run `credits` chunks ahead of the consumer.
 */
function decrypterProgram(): void {
  const { workerData, receiveMessageOnPort } = workerRequire(
    'node:worker_threads',
  ) as typeof import('node:worker_threads');
  const fs = workerRequire('node:fs') as typeof import('node:fs');
  const { createDecipheriv } = workerRequire('node:crypto') as typeof import('node:crypto');
  type Port = import('node:worker_threads').MessagePort;
  const { path, offset, size, chunkSize, key, aead, control, toMain, ballastSlots, piece, returns, pool } =
    workerData as {
      path: string;
      offset: number;
      size: number;
      chunkSize: number;
      key: Uint8Array;
      aead: string;
      control: SharedArrayBuffer;
      toMain: Port;
      ballastSlots: number;
      piece: number;
      /** Plaintext buffers coming back from the bag parser and the sink, to be filled again. */
      returns: Port[];
      pool: number;
    };
  const free: Buffer[] = [];
  let allocated = 0;
  /** A plaintext buffer: a returned one, a new one while the pool is not full, or null when cancelled. */
  const take = (): Buffer | null => {
    for (;;) {
      if (Atomics.load(ctl, 0) !== 0) return null;
      const seen = Atomics.load(ctl, 1);
      for (const port of returns) {
        for (let back = receiveMessageOnPort(port); back; back = receiveMessageOnPort(port)) {
          free.push(Buffer.from(back.message as ArrayBuffer));
        }
      }
      const ready = free.pop();
      if (ready) return ready;
      if (allocated < pool) {
        allocated++;
        return Buffer.allocUnsafeSlow(chunkSize);
      }
      Atomics.wait(ctl, 1, seen, 250);
    }
  };
  const held: { ballast: unknown } = { ballast: null };
  const ctl = new Int32Array(control);
  const sealedChunk = chunkSize + 16;
  const count = Math.max(1, Math.ceil(size / sealedChunk));
  const input = Buffer.allocUnsafeSlow(sealedChunk);
  const nonce = Buffer.alloc(12);
  let fd = -1;
  let index = 0;
  try {
    fd = fs.openSync(path, 'r');
    for (; index < count; index++) {
      for (;;) {
        if (Atomics.load(ctl, 0) !== 0) return;
        const credits = Atomics.load(ctl, 2);
        if (credits > 0 && Atomics.compareExchange(ctl, 2, credits, credits - 1) === credits) break;
        Atomics.wait(ctl, 2, credits, 250);
      }
      const start = index * sealedChunk;
      const length = Math.min(sealedChunk, size - start);
      let read = 0;
      while (read < length) {
        const got = fs.readSync(fd, input, read, length - read, offset + start + read);
        if (got === 0) {
          toMain.postMessage({ t: 'error', index, code: 'TRUNCATED', message: 'payload ends early' });
          return;
        }
        read += got;
      }
      const last = index === count - 1;
      nonce.fill(0);
      nonce.writeUIntBE(Math.floor(index / 2 ** 40), 0, 6);
      nonce.writeUIntBE(index % 2 ** 40, 6, 5);
      nonce[11] = last ? 1 : 0;
      const decipher = createDecipheriv(aead as 'aes-256-gcm', key, nonce, { authTagLength: 16 });
      decipher.setAuthTag(input.subarray(length - 16, length));
      const plain = take();
      if (!plain) return;
      const plainLength = length - 16;
      for (let at = 0; at < plainLength; at += piece) {
        plain.set(decipher.update(input.subarray(at, Math.min(at + piece, plainLength))), at);
      }
      try {
        decipher.final();
      } catch {
        toMain.postMessage({ t: 'error', index, code: 'AUTH', message: 'authentication failed' });
        return;
      }
      const out = plain.buffer as ArrayBuffer;
      held.ballast = new Array(ballastSlots).fill(0);
      toMain.postMessage({ t: 'chunk', index, buffer: out, length: plainLength, last }, [out]);
    }
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    toMain.postMessage({ t: 'error', index, code: String(e.code ?? 'ERROR'), message: String(e.message) });
  } finally {
    if (fd >= 0) fs.closeSync(fd);
  }
}

export type DecryptEvent =
  | { t: 'chunk'; index: number; buffer: ArrayBuffer; length: number; last: boolean }
  | { t: 'error'; index: number; code: string; message: string };

export interface DecryptPipelineOptions {
  path: string;
  /** Where payload.bin's data starts in the package, and its length. */
  offset: number;
  size: number;
  chunkSize: number;
  key: Uint8Array;
  /** Chunks the decrypter may run ahead of the consumer. */
  credits?: number;
}

/** Import's payload stage: a thread that reads and decrypts, ahead of the bag parser. */
export class DecryptPipeline {
  private readonly control = new Int32Array(new SharedArrayBuffer(12));
  private readonly worker: Worker;
  private readonly inbox = new Inbox<DecryptEvent>();
  private readonly port: import('node:worker_threads').MessagePort;

  private readonly fromMain: import('node:worker_threads').MessagePort;
  private fromSink: import('node:worker_threads').MessagePort | null;

  constructor(options: DecryptPipelineOptions) {
    Atomics.store(this.control, CREDITS, options.credits ?? 4);
    const channel = new MessageChannel();
    channel.port1.on('message', (event: DecryptEvent) => this.inbox.push(event));
    this.port = channel.port1;
    // Plaintext buffers circulate decrypter → parser → sink → decrypter instead of being
    // allocated per chunk: no allocator churn, no page faults, flat memory.
    const mainReturns = new MessageChannel();
    const sinkReturns = new MessageChannel();
    this.fromMain = mainReturns.port1;
    this.fromSink = sinkReturns.port1;
    this.worker = new Worker(workerSource(decrypterProgram), {
      eval: true,
      resourceLimits: WORKER_LIMITS,
      workerData: {
        path: options.path,
        offset: options.offset,
        size: options.size,
        chunkSize: options.chunkSize,
        key: options.key,
        aead: NODE_AEAD,
        ballastSlots: BALLAST_SLOTS,
        piece: CIPHER_PIECE,
        control: this.control.buffer,
        toMain: channel.port2,
        returns: [mainReturns.port2, sinkReturns.port2],
        pool: (options.credits ?? 4) + 24,
      },
      transferList: [channel.port2, mainReturns.port2, sinkReturns.port2],
    });
    this.worker.on('error', (error) =>
      this.inbox.push({ t: 'error', index: -1, code: 'WORKER', message: error.message }),
    );
  }

  next(): Promise<DecryptEvent> {
    return this.inbox.next();
  }

  /** Makes the consumer's pending or next `next()` report cancellation. */
  cancel(): void {
    this.inbox.push({ t: 'error', index: -1, code: 'CANCELLED', message: 'cancelled' });
  }

  /** Gives a plaintext buffer back for the decrypter to fill again. */
  recycle(buffer: ArrayBuffer): void {
    this.fromMain.postMessage(buffer, [buffer]);
    Atomics.add(this.control, RETURNED, 1);
    Atomics.notify(this.control, RETURNED);
  }

  /** The return path for the sink (once): it hands buffers back after writing them. */
  sinkReturns(): SinkReturns {
    const port = this.fromSink;
    if (!port) throw new Error('The sink return path is already taken');
    this.fromSink = null;
    return { port, control: this.control.buffer as SharedArrayBuffer };
  }

  /** Lets the decrypter run one more chunk ahead. */
  credit(): void {
    Atomics.add(this.control, CREDITS, 1);
    Atomics.notify(this.control, CREDITS);
  }

  async stop(): Promise<void> {
    Atomics.store(this.control, CANCELLED, 1);
    Atomics.notify(this.control, CREDITS);
    Atomics.notify(this.control, RETURNED);
    this.fromMain.close();
    this.port.close();
    await this.worker.terminate();
  }
}

/** Where the sink returns plaintext buffers to the decrypter, and how it wakes it. */
export interface SinkReturns {
  port: import('node:worker_threads').MessagePort;
  control: SharedArrayBuffer;
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
 * Sink program (import): receives decrypted bytes for numbered files, hashes them on
 * this thread as they arrive and writes them through the libuv pool, so that creating
 * and writing thousands of files overlaps with hashing. A message is acknowledged once
 * its bytes are on their way to disk no more; a file is reported closed once written.
 */
function sinkProgram(): void {
  const { parentPort, workerData } = workerRequire('node:worker_threads') as typeof import('node:worker_threads');
  const fsp = workerRequire('node:fs/promises') as typeof import('node:fs/promises');
  const { createHash } = workerRequire('node:crypto') as typeof import('node:crypto');
  type FileHandle = import('node:fs/promises').FileHandle;
  const port = parentPort as import('node:worker_threads').MessagePort;
  const { hashName, ballastSlots, returns, control } = workerData as {
    hashName: string;
    ballastSlots: number;
    /** Where written buffers go back to the decrypter, if anywhere. */
    returns: import('node:worker_threads').MessagePort | null;
    control: SharedArrayBuffer | null;
  };
  const ctl = control ? new Int32Array(control) : null;
  const held: { ballast: unknown } = { ballast: null };
  interface OpenFile {
    path: string | null;
    hash: import('node:crypto').Hash;
    size: number;
    handle: FileHandle | null;
    /** Every write of this file, in order. */
    chain: Promise<void>;
  }
  const files = new Map<number, OpenFile>();
  const everything = new Set<Promise<unknown>>();
  let failed = false;

  const track = <T>(promise: Promise<T>): Promise<T> => {
    everything.add(promise);
    promise.then(
      () => everything.delete(promise),
      () => everything.delete(promise),
    );
    return promise;
  };
  const fail = (id: number, error: unknown) => {
    if (failed) return;
    failed = true;
    const e = error as NodeJS.ErrnoException;
    port.postMessage({ t: 'error', id, code: String(e.code ?? 'ERROR'), message: String(e.message) });
  };
  const writeAll = async (handle: FileHandle, view: Uint8Array) => {
    let done = 0;
    while (done < view.length) done += (await handle.write(view, done, view.length - done)).bytesWritten;
  };

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
        void Promise.allSettled([...everything]).then(async () => {
          for (const file of files.values()) {
            await file.handle?.close().catch(() => undefined);
            if (file.path) await fsp.rm(file.path, { force: true }).catch(() => undefined);
          }
          files.clear();
          port.postMessage({ t: 'aborted' });
        });
        return;
      }
      if (failed) {
        if (m.t === 'data') port.postMessage({ t: 'ack', bytes: m.bytes });
        return;
      }
      if (m.t === 'open') {
        const file: OpenFile = {
          path: m.path,
          hash: createHash(hashName),
          size: 0,
          handle: null,
          chain: Promise.resolve(),
        };
        if (m.path) {
          const path = m.path;
          file.chain = track(
            fsp.open(path, 'wx', 0o644).then((handle) => {
              file.handle = handle;
            }),
          );
          file.chain.catch((error) => fail(m.id, error));
        }
        files.set(m.id, file);
        return;
      }
      if (m.t === 'data') {
        const writes: Promise<void>[] = [];
        for (const segment of m.segments) {
          const file = files.get(segment.id);
          if (!file) {
            fail(segment.id, new Error(`data for unopened file ${segment.id}`));
            break;
          }
          const view = new Uint8Array(m.buffer, segment.offset, segment.length);
          file.hash.update(view);
          file.size += segment.length;
          if (file.path) {
            file.chain = track(file.chain.then(() => writeAll(file.handle as FileHandle, view)));
            file.chain.catch((error) => fail(segment.id, error));
            writes.push(file.chain);
          }
        }
        // Dropped buffers are garbage to collect; recycled ones are not.
        if (!returns) held.ballast = new Array(ballastSlots).fill(0);
        void Promise.allSettled(writes).then(() => {
          port.postMessage({ t: 'ack', bytes: m.bytes });
          if (returns && ctl) {
            returns.postMessage(m.buffer, [m.buffer]);
            Atomics.add(ctl, 1, 1);
            Atomics.notify(ctl, 1);
          }
        });
        return;
      }
      const file = files.get(m.id);
      if (!file) {
        fail(m.id, new Error(`close of unopened file ${m.id}`));
        return;
      }
      const digest = file.hash.digest('hex');
      const closed = track(file.chain.then(() => file.handle?.close()));
      void closed.then(
        () => {
          files.delete(m.id);
          port.postMessage({ t: 'closed', id: m.id, sha256: digest, size: file.size });
        },
        (error) => fail(m.id, error),
      );
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
  /** Files opened and not yet reported closed; bounded so small files cannot exhaust descriptors. */
  private openFiles = 0;
  private static readonly MAX_OPEN_FILES = 64;

  /**
   * `returns`: where written buffers go back (the decrypter's pool); without it they are
   * dropped. `maxOutstanding`: bytes handed over but not yet written, before `ready` waits.
   */
  constructor(
    returns: SinkReturns | null = null,
    private readonly maxOutstanding = 12 * 1024 * 1024,
  ) {
    this.worker = new Worker(workerSource(sinkProgram), {
      eval: true,
      resourceLimits: WORKER_LIMITS,
      workerData: {
        hashName: NODE_HASH,
        ballastSlots: BALLAST_SLOTS,
        returns: returns?.port ?? null,
        control: returns?.control ?? null,
      },
      transferList: returns ? [returns.port] : [],
    });
    this.worker.on('message', (reply: SinkReply) => this.onReply(reply));
    this.worker.on('error', (error) => this.fail(error));
  }

  private onReply(reply: SinkReply): void {
    if (reply.t === 'ack') {
      this.outstanding -= reply.bytes;
      this.wake();
    } else if (reply.t === 'closed') {
      this.openFiles--;
      this.closing.get(reply.id)?.(reply);
      this.closing.delete(reply.id);
      this.wake();
    } else if (reply.t === 'error') {
      this.fail(Object.assign(new Error(reply.message), { code: reply.code }));
    } else {
      this.abortDone?.();
    }
  }

  private busy(): boolean {
    return this.outstanding > this.maxOutstanding || this.openFiles > SinkWorker.MAX_OPEN_FILES;
  }

  private wake(): void {
    if (this.drained && !this.busy()) {
      const resolve = this.drained;
      this.drained = null;
      resolve();
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
    this.openFiles++;
    this.worker.postMessage({ t: 'open', id, path });
  }

  /** Hands `buffer` over (it is transferred, not copied). */
  data(buffer: ArrayBuffer, segments: SinkSegment[]): void {
    const bytes = segments.reduce((sum, s) => sum + s.length, 0);
    this.outstanding += bytes;
    this.worker.postMessage({ t: 'data', buffer, segments, bytes }, [buffer]);
  }

  /** Waits while too many bytes or files are in flight. Call after posting the closes. */
  async ready(): Promise<void> {
    if (!this.busy() || this.failure) return;
    await new Promise<void>((resolve) => {
      this.drained = resolve;
    });
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
