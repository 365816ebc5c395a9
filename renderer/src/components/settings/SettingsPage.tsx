// Settings (#/settings): theme, reading, search defaults (this window's preferences, lib/preferences.ts),
// machine translation (stored in the archive's local settings) and where the archive lives.
import { useState } from 'react';
import type { AppInfo } from '../../../../shared/types';
import { useArchiveChanged, useArchiveQuery } from '../../api/queries';
import type { PushToast } from '../../hooks/useToasts';
import { FONT_SIZES, MEASURES, setPreferences, usePreferences, type Theme } from '../../lib/preferences';
import { MtSettingsDialog } from '../parallel/MtSettings';
import { ArchiveSection } from './ArchiveSection';
import './settings.css';

const THEMES: Array<{ value: Theme; label: string }> = [
  { value: 'system', label: 'Follow the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function SettingsPage({ toast }: { info: AppInfo | null; toast: PushToast }) {
  const prefs = usePreferences();
  const mt = useArchiveQuery('mt.settings.get', undefined);
  const changed = useArchiveChanged();
  const [mtOpen, setMtOpen] = useState(false);

  return (
    <div className="settings" data-testid="settings">
      <h1 className="settings__title">Settings</h1>

      <fieldset className="settings__group">
        <legend>Theme</legend>
        {THEMES.map((t) => (
          <label key={t.value} className="settings__choice">
            <input
              type="radio"
              name="theme"
              value={t.value}
              checked={prefs.theme === t.value}
              onChange={() => setPreferences({ theme: t.value })}
              data-testid={`theme-${t.value}`}
            />
            {t.label}
          </label>
        ))}
      </fieldset>

      <fieldset className="settings__group">
        <legend>Reading</legend>
        <label className="settings__field">
          Text size
          <select
            value={prefs.readerFontSize}
            onChange={(e) => setPreferences({ readerFontSize: Number(e.target.value) })}
            data-testid="reader-font-size"
          >
            {FONT_SIZES.map((px) => (
              <option key={px} value={px}>
                {px} px
              </option>
            ))}
          </select>
        </label>
        <label className="settings__field">
          Line width
          <select
            value={prefs.readerMeasure}
            onChange={(e) => setPreferences({ readerMeasure: Number(e.target.value) })}
            data-testid="reader-measure"
          >
            {MEASURES.map((m) => (
              <option key={m.rem} value={m.rem}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <p className="settings__sample" data-testid="reader-sample">
          Ang mga dokumento ay binabasa sa ganitong laki at lapad. — Документы читаются в этом размере.
        </p>
      </fieldset>

      <fieldset className="settings__group">
        <legend>Search: switched on for every new search</legend>
        <label className="settings__choice">
          <input
            type="checkbox"
            checked={prefs.searchStems}
            onChange={(e) => setPreferences({ searchStems: e.target.checked })}
            data-testid="default-stems"
          />
          Word forms (botante finds boto, книги finds книга)
        </label>
        <label className="settings__choice">
          <input
            type="checkbox"
            checked={prefs.searchTranslit}
            onChange={(e) => setPreferences({ searchTranslit: e.target.checked })}
            data-testid="default-translit"
          />
          Transliteration (Sahakyan finds Саакян)
        </label>
        <label className="settings__choice">
          <input
            type="checkbox"
            checked={prefs.searchNames}
            onChange={(e) => setPreferences({ searchNames: e.target.checked })}
            data-testid="default-names"
          />
          Name variants (Karabakh finds Արցախ, Sahakyan finds Սահակյան)
        </label>
      </fieldset>

      <fieldset className="settings__group">
        <legend>Machine translation</legend>
        <p>
          {mt.data?.enabled
            ? `On: ${mt.data.endpoint}`
            : 'Off. Tala never sends text anywhere unless you set a server here.'}
        </p>
        <button type="button" className="button" onClick={() => setMtOpen(true)} data-testid="settings-mt">
          Machine translation server…
        </button>
      </fieldset>

      <ArchiveSection toast={toast} />

      {mtOpen && (
        <MtSettingsDialog
          settings={mt.data ?? null}
          toast={toast}
          onClose={() => setMtOpen(false)}
          onSaved={() => {
            setMtOpen(false);
            changed('translations');
            void mt.refetch();
            toast({ text: 'Machine translation settings saved.' }, 3000);
          }}
        />
      )}
    </div>
  );
}
