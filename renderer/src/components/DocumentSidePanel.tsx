// The panel beside the reader: the document's annotations or its facts (one tab strip switches them).
import type { ExportFormat } from '../../../shared/contract';
import type { Annotation, DocumentDetail } from '../../../shared/types';
import { useArchiveChanged } from '../api/queries';
import type { PushToast } from '../hooks/useToasts';
import type { TextRange } from '../lib/selection';
import type { AnnotationBody } from './AnnotationForm';
import { AnnotationPanel } from './AnnotationPanel';
import { ErrorBoundary } from './ErrorBoundary';
import { FactsPanel } from './facts/FactsPanel';
import { SideTabs, type SideTab } from './facts/SideTabs';

interface Props {
  document: DocumentDetail;
  annotations: Annotation[];
  tab: SideTab;
  onTab(tab: SideTab): void;
  activeId: string | null;
  reattachingId: string | null;
  /** A selection being turned into a fact (the facts tab shows its form). */
  factRange: TextRange | null;
  onFactDone(): void;
  onOpenAnnotation(a: Annotation): void;
  onOpenPassage(passageId: string): void;
  onUpdate(id: string, body: AnnotationBody): Promise<boolean>;
  onDelete(a: Annotation): void;
  onCopyLink(a: Annotation): void;
  onReattach(a: Annotation): void;
  onExport(format: ExportFormat): void;
  onImport(file: File): void;
  onClose(): void;
  toast: PushToast;
}

export function DocumentSidePanel(props: Props) {
  const changed = useArchiveChanged();
  const { document: doc, annotations, tab } = props;
  const header = <SideTabs tab={tab} notes={annotations.length} facts={null} onChange={props.onTab} />;
  if (tab === 'facts') {
    return (
      <ErrorBoundary area="the facts" resetKey={doc.id}>
        <FactsPanel
          document={doc}
          header={header}
          draftRange={props.factRange}
          onDraftDone={props.onFactDone}
          // Accepting or recording a fact adds evidence annotations to this document.
          onEvidenceChanged={() => changed('facts')}
          onOpenPassage={props.onOpenPassage}
          toast={props.toast}
          onClose={props.onClose}
        />
      </ErrorBoundary>
    );
  }
  return (
    <ErrorBoundary area="the annotations" resetKey={doc.id}>
      <AnnotationPanel
        document={doc}
        annotations={annotations}
        activeId={props.activeId}
        reattachingId={props.reattachingId}
        onOpen={props.onOpenAnnotation}
        onUpdate={props.onUpdate}
        onDelete={props.onDelete}
        onCopyLink={props.onCopyLink}
        onReattach={props.onReattach}
        onExport={props.onExport}
        onImport={props.onImport}
        onClose={props.onClose}
        header={header}
      />
    </ErrorBoundary>
  );
}
