import { type EvidenceStore, SHA256_HEX } from './store';

/** The URL path evidence is served under, on the app's own origin: /evidence/<sha256>. */
export const EVIDENCE_PATH_PREFIX = '/evidence/';

export interface EvidenceHttpAnswer {
  status: 200 | 404;
  headers: Record<string, string>;
  /** The stored file to send as the body (status 200 only). */
  filePath?: string;
  size?: number;
}

/**
 * Answers a request for stored evidence: only hashes the store holds, only types the
 * bytes themselves show to be images or PDF (anything else goes out as an opaque
 * download type), never sniffed by the browser, never able to run as a document.
 */
export async function answerEvidenceRequest(store: EvidenceStore, pathname: string): Promise<EvidenceHttpAnswer> {
  const notFound: EvidenceHttpAnswer = { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } };
  if (!pathname.startsWith(EVIDENCE_PATH_PREFIX)) return notFound;
  const sha256 = pathname.slice(EVIDENCE_PATH_PREFIX.length);
  if (!SHA256_HEX.test(sha256)) return notFound;
  const size = await store.sizeOf(sha256);
  if (size === null) return notFound;
  const type = (await store.previewTypeOf(sha256)) ?? 'application/octet-stream';
  return {
    status: 200,
    filePath: store.pathOf(sha256),
    size,
    headers: {
      'Content-Type': type,
      'Content-Length': String(size),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cross-Origin-Resource-Policy': 'same-origin',
      // Content-addressed: the bytes under a name never change.
      'Cache-Control': 'private, max-age=31536000, immutable',
    },
  };
}
