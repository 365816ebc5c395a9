// CSV for spreadsheets (RFC 4180 quoting, CRLF rows), shared by every export that writes it.

/**
 * One cell. Cells starting with = + - @ (or a tab or carriage return) are formulas to spreadsheet programs,
 * so they are prefixed with an apostrophe: an imported document must never run code on a user's machine.
 */
export function csvCell(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows of cells as CSV text, each row ended by CRLF. */
export function csvRows(rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
