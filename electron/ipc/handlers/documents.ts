import type { Locale } from '../../../shared/domain/locale';
import { translate } from '../../../shared/i18n';
import { AppError } from '../../../shared/ipc/errors';
import type { DialogPort } from '../../services/dialogs';
import type { DocumentService } from '../../services/documents/service';
import type { OperationRegistry } from '../../services/operations';
import type { ShellPort } from '../../services/system-shell';
import type { Handlers } from '../dispatch';

export interface DocumentHandlerDeps {
  documents: DocumentService;
  operations: OperationRegistry;
  dialogs: DialogPort;
  shell: ShellPort;
  locale(): Locale;
}

type DocumentChannel = Extract<keyof Handlers, `documents.${string}`>;

const toBase64 = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');

export function documentHandlers(deps: DocumentHandlerDeps): Pick<Handlers, DocumentChannel> {
  const { documents } = deps;
  const t = (key: string) => translate(deps.locale(), `documents.${key}`);
  return {
    'documents.types': () => documents.types(),
    'documents.setPrefix': ({ type, prefix }) => documents.setPrefix(type, prefix),
    'documents.createDraft': ({ type, source }) => documents.createDraft(type, source),
    'documents.saveDraft': ({ id, fields }) => documents.saveDraft(id, fields),
    'documents.deleteDraft': async ({ id }) => {
      await documents.deleteDraft(id);
      return { deleted: true as const };
    },
    'documents.preview': async ({ id }) => ({ pdfBase64: toBase64(await documents.preview(id)) }),
    'documents.issue': ({ id }) => documents.issue(id),
    'documents.list': (filter) => documents.list(filter ?? {}),
    'documents.get': ({ id }) => documents.get(id),
    'documents.void': ({ id, reason }) => documents.voidNumber(id, reason),
    'documents.correct': ({ id }) => documents.createCorrection(id),
    'documents.saveAs': async ({ id, format }) => {
      const { name } = await documents.fileFor(id, format);
      const path = await deps.dialogs.showSave({
        title: t('dialog.saveTitle'),
        defaultPath: name,
        filters: [{ name: t(`dialog.${format}`), extensions: [format] }],
      });
      if (!path) return { path: null };
      await documents.saveCopy(id, format, path);
      return { path };
    },
    'documents.open': async ({ id, format }) => {
      const path = await documents.exportForOpening(id, format);
      const failure = await deps.shell.openPath(path);
      if (failure) throw new AppError('IO_ERROR', `The system could not open ${path}`, { params: { detail: failure } });
      return { opened: true };
    },
    'documents.batch': ({ opId, type, sources, issue }, ctx) =>
      deps.operations.run(opId, (signal) =>
        documents.batch({ type, sources, issue }, signal, (done, total) =>
          ctx.emit('op.progress', { opId, phase: 'documents:batch.progress', done, total }),
        ),
      ),
  };
}
