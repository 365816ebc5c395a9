// Whether the keyboard has ⌘ (macOS): accelerators read "⌘K" there and "Ctrl+K" elsewhere.
export function isMacPlatform(): boolean {
  const nav = typeof navigator === 'undefined' ? null : navigator;
  return !!nav && /mac/i.test(nav.platform || nav.userAgent);
}
