// Hash routes: every document, passage and annotation has a stable in-app address.
//   #/                       home
//   #/review                 annotations that need review (orphaned)
//   #/doc/<docId>            a document
//   #/doc/<docId>/p/<id>     a passage of it
//   #/doc/<docId>/a/<id>     an annotation on it
//   #/facts                  the facts table of the whole archive
//   #/timeline               dated facts in time order
//   #/conflicts              facts that disagree across sources
//   #/backups                the archive's backups: back up now, restore one
//   #/team                   the team archive: join, sync, review conflicts
//   #/settings               theme, reading, search defaults, machine translation, the archive
//   #/entity/<id>            an entity: aliases, facts, mentions
//   #/parallel/<docId>/<id>  a document beside another one (its translation), aligned row by row
//   #/segments/<linkId>      the segment editor of a translation typed segment by segment
//   …?q=<query>              opened from a search: the reader highlights that query's matches
//                            (&stems=0, &translit=0, &names=0 when those expansions were switched off)
// Ids are UUIDs; anything else parses as home, so a mistyped link never crashes the app.

/** The search a document was opened from (its matches are highlighted in the reader). */
export interface RouteSearch {
  query: string;
  stems?: boolean;
  translit?: boolean;
  names?: boolean;
}

export type Route =
  | { name: 'home' }
  | { name: 'review' }
  | { name: 'facts' }
  | { name: 'timeline' }
  | { name: 'conflicts' }
  | { name: 'backups' }
  | { name: 'team' }
  | { name: 'settings' }
  | { name: 'entity'; entityId: string }
  | { name: 'parallel'; docId: string; otherDocId: string }
  | { name: 'segments'; linkId: string }
  | { name: 'doc'; docId: string; passageId?: string; annotationId?: string; search?: RouteSearch };

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const DOC = new RegExp(`^#?/doc/(${UUID})(?:/(p|a)/(${UUID}))?/?(?:\\?(.*))?$`, 'i');
const ENTITY = new RegExp(`^#?/entity/(${UUID})/?$`, 'i');
const PARALLEL = new RegExp(`^#?/parallel/(${UUID})/(${UUID})/?$`, 'i');
const SEGMENTS = new RegExp(`^#?/segments/(${UUID})/?$`, 'i');
const MAX_QUERY = 1000;

function parseSearch(params: string | undefined): RouteSearch | undefined {
  if (!params) return undefined;
  let p: URLSearchParams;
  try {
    p = new URLSearchParams(params);
  } catch {
    return undefined;
  }
  const query = p.get('q')?.trim();
  if (!query || query.length > MAX_QUERY) return undefined;
  const search: RouteSearch = { query };
  if (p.get('stems') === '0') search.stems = false;
  if (p.get('translit') === '0') search.translit = false;
  if (p.get('names') === '0') search.names = false;
  return search;
}

function formatSearch(search: RouteSearch | undefined): string {
  if (!search?.query.trim()) return '';
  const p = new URLSearchParams({ q: search.query.trim() });
  if (search.stems === false) p.set('stems', '0');
  if (search.translit === false) p.set('translit', '0');
  if (search.names === false) p.set('names', '0');
  return `?${p.toString()}`;
}

export function parseRoute(hash: string): Route {
  const h = hash.trim();
  if (/^#?\/review\/?$/.test(h)) return { name: 'review' };
  if (/^#?\/backups\/?$/.test(h)) return { name: 'backups' };
  if (/^#?\/team\/?$/.test(h)) return { name: 'team' };
  if (/^#?\/settings\/?$/.test(h)) return { name: 'settings' };
  const page = /^#?\/(facts|timeline|conflicts)\/?$/.exec(h);
  if (page) return { name: page[1] as 'facts' | 'timeline' | 'conflicts' };
  const entity = ENTITY.exec(h);
  if (entity) return { name: 'entity', entityId: entity[1].toLowerCase() };
  const parallel = PARALLEL.exec(h);
  if (parallel && parallel[1].toLowerCase() !== parallel[2].toLowerCase())
    return { name: 'parallel', docId: parallel[1].toLowerCase(), otherDocId: parallel[2].toLowerCase() };
  const segments = SEGMENTS.exec(h);
  if (segments) return { name: 'segments', linkId: segments[1].toLowerCase() };
  const m = DOC.exec(h);
  if (!m) return { name: 'home' };
  const docId = m[1].toLowerCase();
  const search = parseSearch(m[4]);
  const extra = search ? { search } : {};
  if (m[2] === 'p') return { name: 'doc', docId, passageId: m[3].toLowerCase(), ...extra };
  if (m[2] === 'a') return { name: 'doc', docId, annotationId: m[3].toLowerCase(), ...extra };
  return { name: 'doc', docId, ...extra };
}

export function formatRoute(route: Route): string {
  switch (route.name) {
    case 'home':
      return '#/';
    case 'review':
      return '#/review';
    case 'backups':
      return '#/backups';
    case 'team':
      return '#/team';
    case 'settings':
      return '#/settings';
    case 'facts':
    case 'timeline':
    case 'conflicts':
      return `#/${route.name}`;
    case 'entity':
      return `#/entity/${route.entityId}`;
    case 'parallel':
      return `#/parallel/${route.docId}/${route.otherDocId}`;
    case 'segments':
      return `#/segments/${route.linkId}`;
    case 'doc': {
      const q = formatSearch(route.search);
      if (route.passageId) return `#/doc/${route.docId}/p/${route.passageId}${q}`;
      if (route.annotationId) return `#/doc/${route.docId}/a/${route.annotationId}${q}`;
      return `#/doc/${route.docId}${q}`;
    }
  }
}

export const passageRoute = (docId: string, passageId: string, search?: RouteSearch): Route =>
  search ? { name: 'doc', docId, passageId, search } : { name: 'doc', docId, passageId };
export const annotationRoute = (docId: string, annotationId: string, search?: RouteSearch): Route =>
  search ? { name: 'doc', docId, annotationId, search } : { name: 'doc', docId, annotationId };

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
