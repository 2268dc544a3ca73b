/** The one (hidden) file input for route files; any "Import route…" button opens it. */
import { useEffect, useRef } from 'react';
import { useImportStore } from './importStore';

let input: HTMLInputElement | null = null;

export function openImportPicker() {
  input?.click();
}

export function ImportFileInput() {
  const ref = useRef<HTMLInputElement>(null);
  const importFile = useImportStore((s) => s.importFile);
  useEffect(() => {
    input = ref.current;
    return () => {
      input = null;
    };
  }, []);
  return (
    <input
      ref={ref}
      type="file"
      accept=".csv,text/csv,text/plain"
      className="visually-hidden"
      tabIndex={-1}
      aria-hidden="true"
      data-testid="import-file-input"
      onChange={(event) => {
        const file = event.currentTarget.files?.[0];
        event.currentTarget.value = ''; // choosing the same file again must import again
        if (file) void importFile(file);
      }}
    />
  );
}
