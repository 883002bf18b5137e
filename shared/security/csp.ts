/**
 * The renderer's Content-Security-Policy, sent as a header by the app:// protocol
 * handler (and the e2e server) and injected as a <meta> tag at build time.
 * No remote origins, no eval. 'unsafe-inline' styles are needed by antd's CSS-in-JS;
 * inline scripts stay forbidden. blob: frames and objects show PDF previews.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/** A <meta> policy cannot carry frame-ancestors (browsers ignore it there, noisily). */
export const CONTENT_SECURITY_POLICY_META = DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');
