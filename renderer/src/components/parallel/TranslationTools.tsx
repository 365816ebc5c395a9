// The reader toolbar's translation tools (DocumentView.tsx): "Side by side" (TranslationsMenu.tsx) and
// "+ Translation" (AddTranslation.tsx). A new link refreshes this document's links and every view listing them.
import { useArchiveChanged } from '../../api/queries';
import type { PushToast } from '../../hooks/useToasts';
import type { Route } from '../../lib/routes';
import type { TranslationLink } from '../../../../shared/translations';
import { AddTranslation } from './AddTranslation';
import { TranslationsMenu } from './TranslationsMenu';

interface Props {
  docId: string;
  links: readonly TranslationLink[];
  onRefresh(): void;
  onNavigate(route: Route): void;
  toast: PushToast;
}

export function TranslationTools({ docId, links, onRefresh, onNavigate, toast }: Props) {
  const changed = useArchiveChanged();
  return (
    <>
      <TranslationsMenu docId={docId} links={links} onNavigate={onNavigate} />
      <AddTranslation
        docId={docId}
        compact={links.length > 0}
        onLinked={() => {
          onRefresh();
          changed('translations');
        }}
        onNavigate={onNavigate}
        toast={toast}
      />
    </>
  );
}
