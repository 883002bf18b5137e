import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { translate } from '../../../shared/i18n';
import { AppError } from '../../../shared/ipc/errors';
import type { DialogPort } from '../../services/dialogs';
import type { DroppedFileGrants } from '../../services/evidence/dropped-files';
import type { EvidenceStore, EvidenceUpload, StoredFile } from '../../services/evidence/store';
import type { OperationRegistry } from '../../services/operations';
import type { SettingsService } from '../../services/settings';
import type { CallContext, Handlers } from '../dispatch';

export interface EvidenceHandlerDeps {
  dialogs: DialogPort;
  evidence: EvidenceStore;
  operations: OperationRegistry;
  settings: SettingsService;
  /** Paths of dropped files, granted to the preload, redeemed here once. */
  droppedFiles: DroppedFileGrants;
}

type EvidenceChannel =
  | 'evidence.addFromDialog'
  | 'evidence.addDropped'
  | 'evidence.uploadBegin'
  | 'evidence.uploadChunk'
  | 'evidence.uploadFinish'
  | 'evidence.uploadAbort';

const MAX_OPEN_UPLOADS = 8;
const UPLOAD_IDLE_MS = 10 * 60 * 1000;

export function evidenceHandlers(deps: EvidenceHandlerDeps): Pick<Handlers, EvidenceChannel> {
  const { evidence, operations } = deps;
  const uploads = new Map<string, EvidenceUpload>();

  const progress =
    (ctx: CallContext, opId: string, offset = 0, total?: number) =>
    (done: number, size: number) =>
      ctx.emit('op.progress', { opId, phase: 'evidence.copying', done: offset + done, total: total ?? size });

  const upload = (uploadId: string) => {
    const found = uploads.get(uploadId);
    if (!found) throw new AppError('NOT_FOUND', 'No such upload');
    return found;
  };

  const sweepIdleUploads = async () => {
    const now = Date.now();
    for (const [id, open] of uploads) {
      if (now - open.lastActivity > UPLOAD_IDLE_MS) {
        uploads.delete(id);
        await open.abort();
      }
    }
  };

  return {
    'evidence.addFromDialog': async ({ opId }, ctx) => {
      const t = (key: string) => translate(deps.settings.locale(), key);
      const paths = await deps.dialogs.showOpen({
        title: t('evidence.dialogTitle'),
        multiple: true,
        filters: [
          {
            name: t('evidence.filters.common'),
            extensions: [
              'pdf',
              'jpg',
              'jpeg',
              'png',
              'gif',
              'webp',
              'bmp',
              'tif',
              'tiff',
              'doc',
              'docx',
              'xls',
              'xlsx',
              'ofd',
              'txt',
              'mp3',
              'wav',
              'mp4',
              'mov',
              'zip',
            ],
          },
          { name: t('evidence.filters.all'), extensions: ['*'] },
        ],
      });
      if (!paths) return { files: [] };
      return operations.run(opId, async (signal) => {
        const sizes = await Promise.all(paths.map(async (p) => (await stat(p)).size));
        const total = sizes.reduce((a, b) => a + b, 0);
        await evidence.ensureSpace(total);
        const files: StoredFile[] = [];
        let offset = 0;
        for (const [i, path] of paths.entries()) {
          files.push(await evidence.addFile(path, { signal, onProgress: progress(ctx, opId, offset, total) }));
          offset += sizes[i] ?? 0;
        }
        return { files };
      });
    },
    'evidence.addDropped': async ({ opId, token }, ctx) => {
      const path = deps.droppedFiles.take(token);
      return operations.run(opId, (signal) => evidence.addFile(path, { signal, onProgress: progress(ctx, opId) }));
    },
    'evidence.uploadBegin': async ({ fileName, size }) => {
      await sweepIdleUploads();
      if (uploads.size >= MAX_OPEN_UPLOADS) throw new AppError('CONFLICT', 'Too many uploads at once');
      const uploadId = randomBytes(12).toString('hex');
      uploads.set(uploadId, await evidence.beginUpload(fileName, size));
      return { uploadId };
    },
    'evidence.uploadChunk': async ({ uploadId, bytes }) => {
      const open = upload(uploadId);
      try {
        return { received: await open.write(bytes) };
      } catch (error) {
        uploads.delete(uploadId);
        await open.abort();
        throw error;
      }
    },
    'evidence.uploadFinish': async ({ uploadId }) => {
      const open = upload(uploadId);
      uploads.delete(uploadId);
      return open.finish();
    },
    'evidence.uploadAbort': async ({ uploadId }) => {
      const open = uploads.get(uploadId);
      if (!open) return { aborted: false };
      uploads.delete(uploadId);
      await open.abort();
      return { aborted: true };
    },
  };
}
