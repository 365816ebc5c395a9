// Skip links: the first stops of the Tab order, shown when focused. Each moves focus to a region of the window
// (the view's main content, the search box, the sidebar) without touching the address: the hash is the route.
import './skip-links.css';

const TARGETS = [
  { label: 'Skip to main content', selector: 'main', testId: 'skip-main' },
  { label: 'Skip to search', selector: '#search-input', testId: 'skip-search' },
  { label: 'Skip to the sidebar', selector: '#sidebar', testId: 'skip-sidebar' },
] as const;

/** Focuses the region (made focusable by script only, so it is no extra Tab stop) and scrolls it into view. */
export function focusRegion(selector: string): boolean {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) return false;
  if (!el.matches('input, button, select, textarea, a[href]') && !el.hasAttribute('tabindex')) el.tabIndex = -1;
  el.focus();
  el.scrollIntoView?.({ block: 'nearest' });
  return document.activeElement === el;
}

export function SkipLinks() {
  return (
    <nav className="skip-links" aria-label="Skip links">
      {TARGETS.map((t) => (
        <a
          key={t.testId}
          href={`#${t.testId}`}
          className="skip-links__link"
          onClick={(e) => {
            e.preventDefault();
            focusRegion(t.selector);
          }}
          data-testid={t.testId}
        >
          {t.label}
        </a>
      ))}
    </nav>
  );
}
