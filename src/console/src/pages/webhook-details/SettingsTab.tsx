import { useState, type FormEvent } from 'react';
import { errorField, errorMessage } from '../../app/errors';
import { useLeaveGuard } from '../../app/router';
import { useViewer } from '../../app/viewer';
import { EventPicker } from '../../components/EventPicker';
import { Notice } from '../../components/Notice';
import { TextField } from '../../components/TextField';
import type { WebhookDetailsQuery } from '../../gql/graphql';
import { filledHeaders, headerProblems, HeadersEditor, type HeaderRow } from './HeadersEditor';
import { SigningKeyCard } from './SigningKeyCard';
import { TestCard } from './TestCard';
import { useUpdateWebhook } from './use-webhook';

type StoredHook = WebhookDetailsQuery['hook'];

/** The editable part of a hook, as the form holds it. */
export interface HookForm {
  name: string;
  url: string;
  events: string[];
  headers: HeaderRow[];
  ordered: boolean;
  rateLimit: string;
}

function formOf(hook: StoredHook): HookForm {
  return {
    name: hook.name,
    url: hook.url,
    events: hook.events,
    headers: hook.headers.map(({ name, value }) => ({ name, value })),
    ordered: hook.ordered,
    rateLimit: hook.rateLimit == null ? '' : String(hook.rateLimit),
  };
}

/** Logto's settings, plus ordered delivery and a rate limit; Save/Discard and a warning on leaving unsaved changes. */
export function SettingsTab({ hook }: { hook: StoredHook }) {
  const viewer = useViewer();
  const readOnly = !viewer.canChange;
  const [saved, setSaved] = useState(() => formOf(hook));
  const [form, setForm] = useState(saved);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [updateHook, { loading }] = useUpdateWebhook();
  const dirty = JSON.stringify(form) !== JSON.stringify(saved);
  useLeaveGuard(dirty, 'This webhook has unsaved changes. Leave and lose them?');
  const set = (patch: Partial<HookForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    // Editing a field clears its message; the next save checks again.
    setProblems((current) => Object.fromEntries(Object.entries(current).filter(([field]) => !(field in patch))));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (form.name.trim() === '') found.name = 'Name is required';
    if (!URL.canParse(form.url.trim())) found.url = 'Endpoint URL must be a valid URL';
    if (form.events.length === 0) found.events = 'Pick at least one event';
    if (form.rateLimit !== '' && !/^\d+$/.test(form.rateLimit)) found.rateLimit = 'A whole number of requests per second';
    if (headerProblems(form.headers).some(Boolean)) found.headers = 'Fix the headers first';
    setProblems(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    try {
      const input = {
        name: form.name.trim(),
        url: form.url.trim(),
        events: form.events,
        headers: filledHeaders(form.headers),
        ordered: form.ordered,
        rateLimit: form.rateLimit === '' ? null : Number(form.rateLimit),
      };
      const { data } = await updateHook({ variables: { id: hook.id, input } });
      if (data) {
        const next = formOf({ ...hook, ...data.updateHook });
        setSaved(next);
        setForm(next);
      }
    } catch (error) {
      const field = errorField(error);
      if (field) setProblems({ [field]: errorMessage(error) });
      else setFailure(errorMessage(error));
    }
  };

  return (
    <div className={readOnly ? 'settings single' : 'settings'}>
      <form className="card form" onSubmit={(event) => void save(event)} noValidate aria-label="Webhook settings">
        <h2>Settings</h2>
        <fieldset disabled={readOnly} className="plain">
          <TextField label="Name" value={form.name} onChange={(event) => set({ name: event.target.value })} error={problems.name} />
          <TextField label="Endpoint URL" type="url" value={form.url} onChange={(event) => set({ url: event.target.value })} error={problems.url} />
        </fieldset>
        <EventPicker value={form.events} onChange={(events) => set({ events })} error={problems.events} disabled={readOnly} />
        <HeadersEditor rows={form.headers} onChange={(headers) => set({ headers })} disabled={readOnly} />
        {problems.headers && <p className="field-error">{problems.headers}</p>}
        <fieldset disabled={readOnly} className="plain">
          <label className="check">
            <input type="checkbox" checked={form.ordered} onChange={(event) => set({ ordered: event.target.checked })} />
            Deliver in event order, one at a time
          </label>
          <TextField
            label="Rate limit (requests per second)"
            inputMode="numeric"
            value={form.rateLimit}
            onChange={(event) => set({ rateLimit: event.target.value })}
            error={problems.rateLimit}
            hint="Empty for no limit"
          />
        </fieldset>
        {failure && <Notice tone="error">{failure}</Notice>}
        {!readOnly && dirty && (
          <div className="save-bar" role="region" aria-label="Unsaved changes">
            <span>You have unsaved changes.</span>
            <button type="button" className="button" onClick={() => setForm(saved)}>
              Discard
            </button>
            <button type="submit" className="button primary" disabled={loading}>
              Save changes
            </button>
          </div>
        )}
      </form>
      <div className="side">
        {!readOnly && <SigningKeyCard hookId={hook.id} />}
        {!readOnly && <TestCard hookId={hook.id} form={form} />}
      </div>
    </div>
  );
}
