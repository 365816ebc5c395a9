// The segment editor (CAT-tool style) of a translation typed segment by segment: the source segment on the
// left, an editable target on the right, a draft/done status per segment. Saves on blur; Ctrl+Enter saves,
// marks the segment done and moves to the next one; Alt+↓/↑ move between segments. Optional machine
// translation (off by default) suggests a draft, after a notice naming the server the text goes to.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MtSettings, Segment, SegmentSheet } from '../../../../shared/translations';
import { useApi } from '../../api/context';
import type { PushToast } from '../../hooks/useToasts';
import { errorMessage } from '../../lib/errors';
import { isRtlLanguage, languageLabel } from '../../lib/languages';
import type { Route } from '../../lib/routes';
import { nextAfterCommit, progressLabel, segmentKeyAction, stepIndex } from '../../lib/segment-nav';
import { MtNotice, MtSettingsDialog } from './MtSettings';
import './segments.css';

interface Props {
  linkId: string;
  onNavigate(route: Route): void;
  toast: PushToast;
}

export function SegmentEditor({ linkId, onNavigate, toast }: Props) {
  const api = useApi();
  const [sheet, setSheet] = useState<SegmentSheet | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [mt, setMt] = useState<MtSettings | null>(null);
  const [mtOpen, setMtOpen] = useState(false);
  const [ask, setAsk] = useState<Segment | null>(null);
  const [mtTrusted, setMtTrusted] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  /** The text last sent (or loaded) per segment: blur saves only what changed. */
  const saved = useRef(new Map<string, string>());
  const boxes = useRef<Array<HTMLTextAreaElement | null>>([]);

  useEffect(() => {
    let live = true;
    api['segments.list']({ linkId }).then(
      (s) => {
        if (!live) return;
        saved.current = new Map(s.segments.map((g) => [g.id, g.text]));
        setDrafts(Object.fromEntries(s.segments.map((g) => [g.id, g.text])));
        setSheet(s);
      },
      (err) => live && setError(errorMessage(err)),
    );
    api['mt.settings.get']().then(
      (m) => live && setMt(m),
      () => live && setMt(null),
    );
    return () => {
      live = false;
    };
  }, [api, linkId]);

  const replace = useCallback((seg: Segment) => {
    setSheet((s) => (s ? { ...s, segments: s.segments.map((g) => (g.id === seg.id ? seg : g)) } : s));
  }, []);

  const save = useCallback(
    async (seg: Segment, text: string, status?: 'draft' | 'done') => {
      const changed = saved.current.get(seg.id) !== text;
      if (!changed && (!status || status === seg.status)) return;
      saved.current.set(seg.id, text);
      try {
        replace(await api['segments.save']({ id: seg.id, text, ...(status ? { status } : {}) }));
      } catch (err) {
        saved.current.delete(seg.id);
        toast({ text: `Could not save segment ${seg.ordinal + 1}: ${errorMessage(err)}`, tone: 'warn' }, 10_000);
      }
    },
    [api, replace, toast],
  );

  const focusAt = (i: number | null) => {
    if (i === null) return;
    const box = boxes.current[i];
    box?.focus();
    box?.scrollIntoView?.({ block: 'nearest' });
  };

  const onKey = (e: React.KeyboardEvent<HTMLTextAreaElement>, i: number) => {
    if (!sheet) return;
    const action = segmentKeyAction(e);
    if (!action) return;
    e.preventDefault();
    if (action === 'commit') {
      const seg = sheet.segments[i];
      const text = drafts[seg.id] ?? '';
      const segs = sheet.segments.map((g, k) => (k === i && text.trim() ? { ...g, status: 'done' as const } : g));
      if (text.trim()) void save(seg, text, 'done');
      focusAt(nextAfterCommit(segs, i));
    } else {
      focusAt(stepIndex(i, action === 'next' ? 1 : -1, sheet.segments.length));
    }
  };

  const suggest = async (seg: Segment) => {
    if (!sheet) return;
    setAsk(null);
    setBusy(seg.id);
    try {
      const res = await api['mt.translate']({
        text: seg.sourceText,
        source: sheet.link.source.lang,
        target: sheet.link.translation.lang,
      });
      setDrafts((d) => ({ ...d, [seg.id]: res.translatedText }));
      await save(seg, res.translatedText, 'draft');
      toast({ text: `Suggested by ${res.endpoint}. ${res.notice}` }, 6000);
    } catch (err) {
      toast({ text: `Machine translation failed: ${errorMessage(err)}`, tone: 'warn' }, 10_000);
    } finally {
      setBusy(null);
    }
  };

  if (error)
    return (
      <main className="reader-pane segments" data-testid="segments">
        <p className="segments__error">Could not open the segments: {error}</p>
      </main>
    );
  if (!sheet)
    return (
      <main className="reader-pane segments" data-testid="segments" aria-busy="true">
        <p className="muted">Loading…</p>
      </main>
    );

  const { link } = sheet;
  const mtOn = !!mt?.enabled && !!mt.endpoint;
  return (
    <main className="reader-pane segments" data-testid="segments" data-link-id={link.id}>
      <header className="segments__head">
        <h1 className="segments__title" dir="auto">
          {link.translation.title}
        </h1>
        <p className="segments__meta">
          {languageLabel(link.source.lang)} → {languageLabel(link.translation.lang)} ·{' '}
          <span data-testid="segments-progress">{progressLabel(sheet.segments)}</span>
        </p>
        <div className="segments__tools">
          <button
            type="button"
            className="tool-button"
            onClick={() => onNavigate({ name: 'doc', docId: link.translation.id })}
            data-testid="segments-open-doc"
          >
            Open in the reader
          </button>
          <button
            type="button"
            className="tool-button"
            onClick={() => onNavigate({ name: 'parallel', docId: link.source.id, otherDocId: link.translation.id })}
            data-testid="segments-side-by-side"
          >
            Side by side
          </button>
          <button type="button" className="tool-button" onClick={() => setMtOpen(true)} data-testid="mt-settings-open">
            Machine translation: {mtOn ? 'on' : 'off'}
          </button>
        </div>
        <p className="segments__hint muted">
          Ctrl+Enter: done, next segment · Alt+↓ / Alt+↑: next / previous segment · saved when you leave a segment
        </p>
      </header>
      {mtOpen && (
        <MtSettingsDialog
          settings={mt}
          onClose={() => setMtOpen(false)}
          onSaved={(m) => {
            setMt(m);
            setMtOpen(false);
          }}
          toast={toast}
        />
      )}
      {ask && mt && (
        <MtNotice
          endpoint={mt.endpoint}
          onCancel={() => setAsk(null)}
          onConfirm={(remember) => {
            if (remember) setMtTrusted(true);
            void suggest(ask);
          }}
        />
      )}
      <ol className="segments__list">
        {sheet.segments.map((seg, i) => (
          <li
            key={seg.id}
            className="segment"
            data-testid="segment"
            data-status={seg.status}
            data-ordinal={seg.ordinal}
          >
            <div
              className="segment__source"
              lang={link.source.lang}
              dir={isRtlLanguage(link.source.lang) ? 'rtl' : 'auto'}
              data-testid="segment-source"
            >
              {seg.sourceText}
            </div>
            <div className="segment__target">
              <textarea
                ref={(el) => {
                  boxes.current[i] = el;
                }}
                className="segment__input"
                lang={link.translation.lang}
                dir={isRtlLanguage(link.translation.lang) ? 'rtl' : 'auto'}
                aria-label={`Translation of segment ${i + 1}`}
                value={drafts[seg.id] ?? ''}
                rows={Math.max(2, Math.ceil(seg.sourceText.length / 70))}
                onChange={(e) => setDrafts((d) => ({ ...d, [seg.id]: e.target.value }))}
                onBlur={(e) => void save(seg, e.target.value)}
                onKeyDown={(e) => onKey(e, i)}
                data-testid="segment-input"
              />
              <div className="segment__foot">
                <span className={`segment__status segment__status--${seg.status}`} data-testid="segment-status">
                  {seg.status}
                </span>
                <button
                  type="button"
                  className="button button--small"
                  disabled={!mtOn || busy !== null}
                  title={
                    mtOn
                      ? `Suggest a draft from ${mt?.endpoint}`
                      : 'Machine translation is off (turn it on in its settings)'
                  }
                  onClick={() => (mtTrusted ? void suggest(seg) : setAsk(seg))}
                  data-testid="segment-suggest"
                >
                  {busy === seg.id ? 'Asking…' : 'Suggest (machine translation)'}
                </button>
              </div>
            </div>
          </li>
        ))}
      </ol>
    </main>
  );
}
