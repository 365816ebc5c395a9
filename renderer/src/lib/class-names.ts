/**
 * A className from a base class and the modifiers that apply, in order:
 * `classNames('hit', active && 'hit--active')` is "hit hit--active" when active, else "hit".
 */
export function classNames(...parts: Array<string | false | null | undefined | 0>): string {
  return parts.filter(Boolean).join(' ');
}
