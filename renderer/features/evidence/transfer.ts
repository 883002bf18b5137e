import type { StoredFileInfo } from '../../../shared/ipc/contract/evidence';
import { ApiError, call, onEvent } from '../../api/client';

// Getting bytes into the main process's evidence store. A file with a path on disk
// (the dialog, or a drop in Electron) is copied by the main process, streaming; a
// dropped file without one (from a browser, an archive viewer, the test harness)
// is sent in chunks.

declare global {
  interface Window {
    /** Exposed by the preload: a one-time token for a dropped file's path, or "" if it has none. */
    readonly deskFiles?: { grantDropped(file: File): Promise<string> };
  }
}

/** Pieces of a chunked upload: big enough to keep IPC overhead small, small enough to keep memory flat. */
export const UPLOAD_CHUNK_BYTES = 2 * 1024 * 1024;

export interface TransferProgress {
  done: number;
  total: number;
}

export interface Transfer {
  opId: string;
  onProgress(progress: TransferProgress): void;
  signal: AbortSignal;
}

export const cancelledError = () => new ApiError({ code: 'CANCELLED', message: 'The operation was cancelled' });

/** Follows the main process's progress reports for one operation. */
function followProgress(transfer: Transfer, offset: number, total: number): () => void {
  return onEvent('op.progress', (p) => {
    if (p.opId === transfer.opId) transfer.onProgress({ done: offset + p.done, total: total || p.total });
  });
}

export async function addFromDialog(transfer: Transfer): Promise<StoredFileInfo[]> {
  const stop = onEvent('op.progress', (p) => {
    if (p.opId === transfer.opId) transfer.onProgress({ done: p.done, total: p.total });
  });
  const cancel = () => void call('ops.cancel', { opId: transfer.opId });
  transfer.signal.addEventListener('abort', cancel);
  try {
    return (await call('evidence.addFromDialog', { opId: transfer.opId })).files;
  } finally {
    stop();
    transfer.signal.removeEventListener('abort', cancel);
  }
}

/** Takes in dropped files one after another; progress counts bytes over all of them. */
export async function addDropped(files: File[], transfer: Transfer): Promise<StoredFileInfo[]> {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const stored: StoredFileInfo[] = [];
  let offset = 0;
  for (const file of files) {
    if (transfer.signal.aborted) throw cancelledError();
    const token = (await window.deskFiles?.grantDropped(file)) ?? '';
    stored.push(
      token ? await copyDropped(token, transfer, offset, total) : await upload(file, transfer, offset, total),
    );
    offset += file.size;
  }
  return stored;
}

async function copyDropped(token: string, transfer: Transfer, offset: number, total: number): Promise<StoredFileInfo> {
  const stop = followProgress(transfer, offset, total);
  const cancel = () => void call('ops.cancel', { opId: transfer.opId });
  transfer.signal.addEventListener('abort', cancel);
  try {
    return await call('evidence.addDropped', { opId: transfer.opId, token });
  } finally {
    stop();
    transfer.signal.removeEventListener('abort', cancel);
  }
}

async function upload(file: File, transfer: Transfer, offset: number, total: number): Promise<StoredFileInfo> {
  const { uploadId } = await call('evidence.uploadBegin', { fileName: file.name || 'file', size: file.size });
  try {
    for (let at = 0; at < file.size; at += UPLOAD_CHUNK_BYTES) {
      if (transfer.signal.aborted) throw cancelledError();
      const bytes = new Uint8Array(await file.slice(at, at + UPLOAD_CHUNK_BYTES).arrayBuffer());
      const { received } = await call('evidence.uploadChunk', { uploadId, bytes });
      transfer.onProgress({ done: offset + received, total });
    }
    return await call('evidence.uploadFinish', { uploadId });
  } catch (error) {
    await call('evidence.uploadAbort', { uploadId }).catch(() => undefined);
    throw error;
  }
}
