import './import.css';

export function DropOverlay({ visible }: { visible: boolean }) {
  if (!visible) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
      <div className="drop-overlay__card">
        <p className="drop-overlay__title">Drop files or folders to import</p>
        <p className="muted">.txt, .md, .html, .pdf, .docx, .epub — each file becomes a searchable document</p>
      </div>
    </div>
  );
}
