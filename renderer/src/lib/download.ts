// Saving exported files and copying links, with fallbacks for locked-down windows (Electron denies
// clipboard permissions; a plain <textarea> + execCommand still works from a user gesture).
import type { ExportedFile } from '../../../shared/contract';

/** Starts a download of a generated file (Blob + a[download]); works in the browser and in Electron. */
export function saveFile(file: ExportedFile, doc: Document = document): void {
  saveBlob(new Blob([file.content], { type: file.mediaType }), file.fileName, doc);
}

/** Starts a download of a Blob under a file name. */
export function saveBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Copies text to the clipboard; false when the window allows neither way. */
export async function copyText(text: string, doc: Document = document): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* denied: fall back */
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  doc.body.appendChild(area);
  area.select();
  let ok: boolean;
  try {
    ok = doc.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

/** Starts a download of bytes from the archive (an original file) under its own name. */
export function saveBytes(
  file: { fileName: string; mediaType: string; data: Uint8Array },
  doc: Document = document,
): void {
  saveBlob(
    new Blob([file.data as Uint8Array<ArrayBuffer>], { type: file.mediaType || 'application/octet-stream' }),
    file.fileName,
    doc,
  );
}
