// Session-wide guards: no permissions, no remote requests, a CSP header on every response, owner-only downloads.
import type { Session } from 'electron';
import { tightenExisting } from '../backups/private-files';
import { isAllowedRequestUrl, RENDERER_CSP, type RendererLocation } from './security-policy';

export function guardSession(session: Session, location: RendererLocation): void {
  // An archive reader needs no camera, notifications, geolocation, clipboard-read...: deny everything.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);

  // Exports and originals the window saves (a Blob download, placed with the save dialog) are owner-only like
  // the archive they come from: Chromium gives a finished download the umask's mode (0644).
  session.on('will-download', (_event, item) => {
    item.once('done', (_done, state) => {
      if (state === 'completed') tightenExisting([{ path: item.getSavePath() }]);
    });
  });

  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url, location);
    if (!allowed) console.warn(`[tala] blocked request to ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });

  // The dev server injects inline scripts for hot reload, so the strict policy is for builds only
  // (there the meta tag in index.html applies as well; both say the same).
  if (location.devServerOrigin) return;
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    headers['Content-Security-Policy'] = [RENDERER_CSP];
    callback({ responseHeaders: headers });
  });
}
