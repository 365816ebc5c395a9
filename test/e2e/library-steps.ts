// The library table's user steps in the page, shared by the library E2E (which checks what they show) and
// `npm run bench:library` (which times them): each resolves once the grid changed and two frames were painted.
import type { Page } from 'playwright-core';

/**
 * Runs one act in the page — a click on `selector`, or a value typed into an input / chosen in a select
 * (`selector\u0000value`) — and resolves when the grid changed and two frames were painted: ms since the act.
 */
export async function timedStep(page: Page, act: 'click' | 'text' | 'select', arg: string): Promise<number> {
  return page.evaluate(
    async ([what, value]) => {
      const grid = document.querySelector('[data-testid="library-grid"]')!;
      const changed = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve();
        });
        observer.observe(grid, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      const t0 = performance.now();
      if (what === 'click') (document.querySelector(value) as HTMLElement).click();
      else {
        const [selector, text] = value.split('\u0000');
        const el = document.querySelector(selector) as HTMLInputElement | HTMLSelectElement;
        const proto = what === 'text' ? HTMLInputElement.prototype : HTMLSelectElement.prototype;
        Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, text);
        el.dispatchEvent(new Event(what === 'text' ? 'input' : 'change', { bubbles: true }));
      }
      await changed;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return performance.now() - t0;
    },
    [act, arg] as const,
  );
}

/** Ctrl+A in the focused grid until two frames were painted: ms. */
export async function timedSelectAll(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const t0 = performance.now();
    document
      .querySelector('[data-testid="library-grid"]')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'a', ctrlKey: true, bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - t0;
  });
}

export interface BulkTagTiming {
  /** From the click on "Add tag" to the tag painted in the rows. */
  total: number;
  /** From the data's arrival (end of the last `documents.bulkTag` or `library.list` response) to the tag painted. */
  afterData: number;
  /** Channels fetched from the click on, in order (e.g. to check the whole library was not read again). */
  fetched: string[];
}

/** Clicks "Add tag" (its input already filled with `tag`) and waits for the tag in the first rendered row. */
export async function timedBulkTag(page: Page, tag: string): Promise<BulkTagTiming> {
  return page.evaluate(async (wanted) => {
    const grid = document.querySelector('[data-testid="library-grid"]')!;
    const before = performance.getEntriesByType('resource').length;
    const t0 = performance.now();
    (document.querySelector('[data-testid="library-bulk-tag"]') as HTMLElement).click();
    // (No named helper functions in here: tsx would wrap them in a __name() the page does not have.)
    while (!grid.querySelector('[data-testid="library-tags"]')?.textContent?.includes(wanted))
      await new Promise((r) => requestAnimationFrame(r));
    const shown = performance.now();
    const after = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).slice(before);
    const reads = after.filter((r) => /documents\.bulkTag|library\.list/.test(r.name));
    const last = reads.pop();
    return {
      total: shown - t0,
      afterData: last ? shown - last.responseEnd : -1,
      fetched: after.map((r) => decodeURIComponent(new URL(r.name).pathname.split('/').pop() ?? '')),
    };
  }, tag);
}
