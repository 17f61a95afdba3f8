import { useState } from 'react';
import { errorMessage } from '../../app/errors';
import { selects } from '../../components/event-groups';
import { Notice } from '../../components/Notice';
import { useEventTypes } from '../../components/use-event-types';
import type { TestWebhookMutation } from '../../gql/graphql';
import { filledHeaders, headerProblems } from './HeadersEditor';
import type { HookForm } from './SettingsTab';
import { useTestWebhook } from './use-test-webhook';

/** "Send test payload": a sample of one of the form's events to the form's URL and headers, saved or not. */
export function TestCard({ hookId, form }: { hookId: string; form: HookForm }) {
  const { data } = useEventTypes();
  const [testHook, { loading }] = useTestWebhook();
  const [result, setResult] = useState<TestWebhookMutation['testHook'] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const choices = (data?.eventTypes ?? []).filter((type) => form.events.some((entry) => selects(entry, type.name))).map((type) => type.name);
  const [picked, setEvent] = useState('');
  // The form's events change under the picker: fall back to the first type they select.
  const event = choices.includes(picked) ? picked : (choices[0] ?? '');
  const send = async () => {
    setFailure(null);
    setResult(null);
    try {
      const config = { url: form.url.trim(), headers: headerProblems(form.headers).some(Boolean) ? undefined : filledHeaders(form.headers) };
      const answer = await testHook({ variables: { id: hookId, event, config } });
      setResult(answer.data?.testHook ?? null);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };
  return (
    <section className="card" aria-labelledby="test-title">
      <h2 id="test-title">Send test payload</h2>
      <p className="muted">Sends a signed sample of the event to the URL and headers in the form, saved or not. Nothing is recorded.</p>
      <div className="row">
        <label className="field inline">
          <span>Test event</span>
          <select value={event} onChange={(change) => setEvent(change.target.value)}>
            {choices.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
        <button type="button" className="button" disabled={loading || event === ''} onClick={() => void send()}>
          Send test payload
        </button>
      </div>
      {failure && <Notice tone="error">{failure}</Notice>}
      {result && (
        <dl className="result" aria-label="Test result">
          <dt>Endpoint URL</dt>
          <dd>{result.url}</dd>
          <dt>Result</dt>
          <dd className={result.ok ? 'ok' : 'bad'}>{result.ok ? 'Delivered' : `Failed: ${result.error ?? 'unknown error'}`}</dd>
          <dt>Response status</dt>
          <dd>{result.responseStatus ?? 'No response'}</dd>
          <dt>Duration</dt>
          <dd>{result.durationMs} ms</dd>
          <dt>Response body</dt>
          <dd>
            <pre>{result.responseBody || '(empty)'}</pre>
          </dd>
        </dl>
      )}
    </section>
  );
}
