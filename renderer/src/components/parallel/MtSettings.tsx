// Machine translation in the segment editor: the notice that names the server a segment's text goes to before
// the first suggestion, and the settings dialog (endpoint, on/off) also reached from Settings.
import { useState } from 'react';
import type { MtSettings } from '../../../../shared/translations';
import { useApi } from '../../api/context';
import type { PushToast } from '../../hooks/useToasts';
import { errorMessage } from '../../lib/errors';
import { Dialog } from '../Dialog';
import './segments.css';

export function MtNotice({
  endpoint,
  onCancel,
  onConfirm,
}: {
  endpoint: string;
  onCancel(): void;
  onConfirm(remember: boolean): void;
}) {
  const [remember, setRemember] = useState(false);
  return (
    <Dialog
      className="segments__dialog"
      role="alertdialog"
      label="Send to machine translation?"
      onClose={onCancel}
      testId="mt-notice"
    >
      <p data-testid="mt-notice-text">
        This sends the segment&rsquo;s text to {endpoint}. Nothing else leaves the machine.
      </p>
      <label className="segments__check">
        <input
          type="checkbox"
          checked={remember}
          onChange={(e) => setRemember(e.target.checked)}
          data-testid="mt-notice-remember"
        />{' '}
        Don&rsquo;t ask again this session
      </label>
      <div className="segments__actions">
        <button type="button" className="button button--small" onClick={onCancel} data-testid="mt-notice-cancel">
          Cancel
        </button>
        <button
          type="button"
          className="button button--small button--primary"
          data-autofocus
          onClick={() => onConfirm(remember)}
          data-testid="mt-notice-confirm"
        >
          Confirm
        </button>
      </div>
    </Dialog>
  );
}

export function MtSettingsDialog({
  settings,
  onClose,
  onSaved,
  toast,
}: {
  settings: MtSettings | null;
  onClose(): void;
  onSaved(m: MtSettings): void;
  toast: PushToast;
}) {
  const api = useApi();
  const [enabled, setEnabled] = useState(settings?.enabled ?? false);
  const [endpoint, setEndpoint] = useState(settings?.endpoint ?? '');
  const [apiKey, setApiKey] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      onSaved(await api['mt.settings.set']({ enabled, endpoint: endpoint.trim(), ...(apiKey ? { apiKey } : {}) }));
    } catch (err) {
      toast({ text: `Could not save the machine translation settings: ${errorMessage(err)}`, tone: 'warn' }, 10_000);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      className="segments__dialog"
      labelledBy="mt-settings-title"
      onClose={onClose}
      closeOnBackdrop={false}
      testId="mt-settings"
    >
      <form className="segments__form" onSubmit={(e) => void submit(e)}>
        <h2 id="mt-settings-title" className="segments__dialog-title">
          Machine translation
        </h2>
        <p className="muted">{settings?.notice}</p>
        <label className="segments__check">
          <input
            type="checkbox"
            role="switch"
            checked={enabled}
            onChange={(e) => setEnabled(e.target.checked)}
            data-testid="mt-enabled"
          />{' '}
          Use a LibreTranslate-compatible server
        </label>
        <label className="segments__field">
          Server address
          <input
            type="url"
            value={endpoint}
            placeholder="http://127.0.0.1:5000"
            onChange={(e) => setEndpoint(e.target.value)}
            data-testid="mt-endpoint"
          />
        </label>
        <label className="segments__field">
          API key {settings?.apiKeySet ? '(set; leave empty to keep it)' : '(optional)'}
          <input
            type="password"
            value={apiKey}
            autoComplete="off"
            onChange={(e) => setApiKey(e.target.value)}
            data-testid="mt-api-key"
          />
        </label>
        <div className="segments__actions">
          <button type="button" className="button button--small" onClick={onClose} data-testid="mt-settings-cancel">
            Cancel
          </button>
          <button
            type="submit"
            className="button button--small button--primary"
            disabled={busy}
            data-testid="mt-settings-save"
          >
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
