import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { answerEvidenceRequest, EVIDENCE_PATH_PREFIX } from '../services/evidence/http';
import type { EvidenceStore } from '../services/evidence/store';
import { APP_HOST } from './app-url';

/** An extra route of the app:// protocol; null lets the next route (the renderer files) answer. */
export type ProtocolRoute = (url: URL) => Promise<Response | null>;

/** app://desk/evidence/<sha256>: the stored bytes, streamed, for image and PDF previews. */
export function evidenceRoute(store: EvidenceStore): ProtocolRoute {
  return async (url) => {
    if (url.host !== APP_HOST || !url.pathname.startsWith(EVIDENCE_PATH_PREFIX)) return null;
    const answer = await answerEvidenceRequest(store, url.pathname);
    if (answer.status !== 200 || !answer.filePath) {
      return new Response('Not found', { status: 404, headers: answer.headers });
    }
    const body = Readable.toWeb(createReadStream(answer.filePath)) as unknown as ReadableStream<Uint8Array>;
    return new Response(body, { status: 200, headers: answer.headers });
  };
}
