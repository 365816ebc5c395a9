// The tab strip at the top of the side panel beside the reader: Annotations | Facts.
export type SideTab = 'notes' | 'facts';

export function SideTabs({
  tab,
  notes,
  facts,
  onChange,
}: {
  tab: SideTab;
  notes: number;
  facts: number | null;
  onChange(tab: SideTab): void;
}) {
  const item = (id: SideTab, label: string, count: number | null) => (
    <button
      type="button"
      role="tab"
      className={`side-tabs__tab${tab === id ? ' side-tabs__tab--current' : ''}`}
      aria-selected={tab === id}
      onClick={() => onChange(id)}
      data-testid={`side-tab-${id}`}
    >
      {label}
      {count !== null && <span className="count">{count}</span>}
    </button>
  );
  return (
    <div className="side-tabs" role="tablist" aria-label="Side panel">
      {item('notes', 'Annotations', notes)}
      {item('facts', 'Facts', facts)}
    </div>
  );
}
