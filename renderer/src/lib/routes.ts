// Hash routes: every document, passage and annotation has a stable in-app address.
//   #/                       home
//   #/review                 annotations that need review (orphaned)
//   #/doc/<docId>            a document
//   #/doc/<docId>/p/<id>     a passage of it
//   #/doc/<docId>/a/<id>     an annotation on it
// Ids are UUIDs; anything else parses as home, so a mistyped link never crashes the app.

export type Route =
  | { name: 'home' }
  | { name: 'review' }
  | { name: 'doc'; docId: string; passageId?: string; annotationId?: string };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const DOC = new RegExp(`^#?/doc/(${UUID})(?:/(p|a)/(${UUID}))?/?$`, 'i');

export function parseRoute(hash: string): Route {
  const h = hash.trim();
  if (/^#?\/review\/?$/.test(h)) return { name: 'review' };
  const m = DOC.exec(h);
  if (!m) return { name: 'home' };
  const docId = m[1].toLowerCase();
  if (m[2] === 'p') return { name: 'doc', docId, passageId: m[3].toLowerCase() };
  if (m[2] === 'a') return { name: 'doc', docId, annotationId: m[3].toLowerCase() };
  return { name: 'doc', docId };
}

export function formatRoute(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'review':
      return '#/review';
    case 'doc':
      if (route.passageId) return `#/doc/${route.docId}/p/${route.passageId}`;
      if (route.annotationId) return `#/doc/${route.docId}/a/${route.annotationId}`;
      return `#/doc/${route.docId}`;
  }
}

export const passageRoute = (docId: string, passageId: string): Route => ({ name: 'doc', docId, passageId });
export const annotationRoute = (docId: string, annotationId: string): Route => ({ name: 'doc', docId, annotationId });

/**
 * A pasted Tala link (a full address with a `#/doc/…` hash, or the hash alone) → its route; null for
 * anything else, so the search box can tell links from queries.
 */
export function parseLink(text: string): Route | null {
  const t = text.trim();
  const at = t.indexOf('#/');
  if (at === -1 || /\s/.test(t)) return null;
  const route = parseRoute(t.slice(at));
  return route.name === 'home' ? null : route;
}

/** The full address of a route in this window (what "Copy link" puts on the clipboard). */
export function routeUrl(route: Route, location: Pick<Location, 'href'> = window.location): string {
  const base = location.href.split('#')[0];
  return `${base}${formatRoute(route)}`;
}
