// The hidden folder picker behind "Import folder…": an <input type=file webkitdirectory> (Chromium and
// Electron list every file inside, with its path in the folder); hidden entries are left out.
import { useCallback, type Ref } from 'react';
import { pickedFiles, type PickedFile } from '../lib/import-files';

interface Props {
  ref?: Ref<HTMLInputElement>;
  onFolder(files: PickedFile[]): void;
  /** Nothing importable was found (an empty folder, or only hidden files). */
  onEmpty?(): void;
}

export function FolderInput({ ref, onFolder, onEmpty }: Props) {
  const attach = useCallback(
    (el: HTMLInputElement | null) => {
      if (el) el.webkitdirectory = true; // not a React prop
      if (typeof ref === 'function') ref(el);
      else if (ref) (ref as { current: HTMLInputElement | null }).current = el;
    },
    [ref],
  );
  return (
    <input
      ref={attach}
      type="file"
      multiple
      hidden
      onChange={(e) => {
        const files = pickedFiles(Array.from(e.target.files ?? []));
        e.target.value = ''; // picking the same folder again must fire change again
        if (files.length > 0) onFolder(files);
        else onEmpty?.();
      }}
      data-testid="folder-input"
    />
  );
}
