// Text that came from an imported or shared file (titles, file names) made safe to show or to use as a name.

// C0 controls except tab, newline and the CR of a CRLF (CSV exports end lines so), DEL, C1 controls, and the
// bidi marks and overrides that reorder a line. A lone CR could overwrite a line on a terminal: it is escaped.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

/**
 * Writes every control character as a visible `\uXXXX` escape, so a crafted title cannot move the cursor,
 * clear the screen, set the window title or the clipboard (OSC 52). Inside a JSON string the escape stays
 * valid JSON; tab and newline are kept.
 */
export function neutraliseControls(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Whether `text` holds a character that `neutraliseControls` would escape. */
export function hasControls(text: string): boolean {
  CONTROL.lastIndex = 0;
  return CONTROL.test(text);
}

const MAX_FILE_NAME = 200;

/**
 * A name that is safe to create inside one folder: the last path segment only (either separator), no control
 * characters, never empty, `.` or `..`, no leading dot (no hidden or dot files), at most 200 characters.
 */
export function plainFileName(name: string, fallback = 'original'): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  let clean = last
    .replace(CONTROL, '_')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f:*?"<>|]/g, '_')
    .trim();
  clean = clean.replace(/^\.+/, '');
  if (clean.length > MAX_FILE_NAME) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 16 ? clean.slice(dot) : '';
    clean = clean.slice(0, MAX_FILE_NAME - ext.length) + ext;
  }
  return clean === '' ? fallback : clean;
}
