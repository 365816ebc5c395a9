// Minimal React rendering helper for happy-dom tests (no testing-library dependency).
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { setFormatLocale } from '../../renderer/src/lib/format';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// Dates and numbers follow the user's locale; the tests pin one so they read the same on every machine.
setFormatLocale('en-GB');

export interface Rendered {
  container: HTMLElement;
  unmount(): Promise<void>;
}

export async function render(node: ReactNode): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.appendChild(container);
  let root: Root;
  await act(async () => {
    root = createRoot(container);
    root.render(node);
  });
  return {
    container,
    async unmount() {
      await act(async () => root.unmount());
      container.remove();
    },
  };
}

/** Lets pending promises (fake API calls) settle and React re-render. */
export async function flush(times = 3): Promise<void> {
  for (let i = 0; i < times; i++) await act(async () => new Promise((r) => setTimeout(r, 0)));
}

export const byTestId = (root: ParentNode, id: string) =>
  Array.from(root.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
