// The renderer's Content-Security-Policy, one definition for every place that sends it: the Electron
// session (as a header) and the browser bridge. renderer/index.html carries the same policy in a <meta>
// tag minus frame-ancestors (ignored there); a test keeps the two equal.
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
