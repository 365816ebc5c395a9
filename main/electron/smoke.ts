// TALA_SMOKE=1: proves a real Electron start works end to end (window, preload bridge, IPC, archive,
// renderer render from app://tala/ with its CSP header, no file outside the renderer folder) and reports it on
// stdout, so CI can run the app without a human looking at it.
import type { BrowserWindow } from 'electron';
import { RENDERER_CSP } from '../../shared/csp';
import { APP_ORIGIN } from '../renderer-protocol';

interface ProbeResult {
  title: string;
  rendered: boolean;
  hasBridge: boolean;
  nodeGlobals: boolean;
  documents?: number | null;
  listError?: string | null;
  unknownChannelRejected?: boolean;
  /** Where the page was loaded from (app://tala/index.html). */
  url?: string;
  /** The Content-Security-Policy header app://tala/ sends with the page. */
  csp?: string | null;
  /** The status of a request for a file outside the renderer folder (404). */
  traversalStatus?: number | null;
}

// Runs in the page itself, i.e. with exactly the powers an attacker-controlled script would have.
const PROBE = `(async () => {
  const bridge = window.talaIpc;
  const result = {
    title: document.title,
    rendered: !!document.body && document.body.innerText.trim().length > 0,
    hasBridge: !!bridge && typeof bridge.invoke === 'function',
    nodeGlobals: typeof require !== 'undefined' || typeof process !== 'undefined' || typeof module !== 'undefined',
  };
  if (!result.hasBridge) return result;
  const list = await bridge.invoke('documents.list');
  result.documents = list.ok ? list.value.length : null;
  result.listError = list.ok ? null : list.error.code + ': ' + list.error.message;
  const unknown = await bridge.invoke('no.such.channel', null);
  result.unknownChannelRejected = !unknown.ok && unknown.error.code === 'INVALID_REQUEST';
  result.url = location.href;
  try {
    result.csp = (await fetch('${APP_ORIGIN}/index.html')).headers.get('content-security-policy');
    // The main bundle is the renderer folder's sibling: a page must not read it.
    result.traversalStatus = (await fetch('${APP_ORIGIN}/..%2Fmain%2Fmain.js')).status;
  } catch {
    result.csp = null;
    result.traversalStatus = null;
  }
  return result;
})()`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function waitForLoad(window: BrowserWindow): Promise<void> {
  return new Promise((resolve, reject) => {
    const contents = window.webContents;
    contents.once('did-finish-load', () => resolve());
    contents.once('did-fail-load', (_event, code, description, url) =>
      reject(new Error(`renderer failed to load ${url}: ${description} (${code})`)),
    );
    contents.once('render-process-gone', (_event, details) =>
      reject(new Error(`renderer process gone: ${details.reason}`)),
    );
  });
}

/** Resolves with the "smoke ok" line, or rejects with the reason the app is broken. */
export async function runSmokeCheck(window: BrowserWindow, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  window.webContents.on('console-message', (event) => {
    if (event.level === 'error') console.error(`[renderer] ${event.message}`);
  });

  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`renderer did not load within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([waitForLoad(window), timeout]);
  } finally {
    clearTimeout(timer);
  }

  // React renders after load; poll until the page shows text or we run out of time.
  let probe = (await window.webContents.executeJavaScript(PROBE)) as ProbeResult;
  while (!probe.rendered && Date.now() < deadline) {
    await sleep(200);
    probe = (await window.webContents.executeJavaScript(PROBE)) as ProbeResult;
  }

  const problems: string[] = [];
  if (!probe.rendered) problems.push('the renderer rendered nothing');
  if (!probe.hasBridge) problems.push('window.talaIpc is missing (preload not loaded)');
  if (probe.nodeGlobals) problems.push('Node globals are visible to the page');
  if (probe.hasBridge && probe.documents == null) problems.push(`documents.list failed: ${probe.listError}`);
  if (probe.hasBridge && !probe.unknownChannelRejected) problems.push('an unknown channel was not rejected');
  if (!probe.url?.startsWith(`${APP_ORIGIN}/`))
    problems.push(`the page is not served from ${APP_ORIGIN}/ (${probe.url})`);
  if (probe.csp !== RENDERER_CSP) problems.push(`${APP_ORIGIN}/ sent no Content-Security-Policy header`);
  if (probe.traversalStatus !== 404)
    problems.push(`a file outside the renderer folder was answered (HTTP ${probe.traversalStatus})`);
  if (problems.length > 0) throw new Error(problems.join('; '));

  return `smoke ok: title=${JSON.stringify(window.getTitle())} documents=${probe.documents}`;
}
