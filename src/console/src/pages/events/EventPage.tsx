import { useState } from 'react';
import { errorMessage } from '../../app/errors';
import { Link } from '../../app/router';
import { useViewer } from '../../app/viewer';
import { formatTime } from '../../components/format';
import { Notice } from '../../components/Notice';
import { useWebhooksPage } from '../webhooks/use-webhooks';
import { useEventDetails, useReplayEvent } from './use-events';

/** One event: its payload, its delivery to each hook, and replay to a hook. */
export function EventPage({ id }: { id: string }) {
  const viewer = useViewer();
  const { data, error } = useEventDetails(id);
  const hooks = useWebhooksPage(null).data?.hooks.nodes ?? [];
  const [replay, { loading }] = useReplayEvent();
  const [target, setTarget] = useState('');
  const [outcome, setOutcome] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  if (error && !data) return <Notice tone="error">{errorMessage(error)}</Notice>;
  if (!data) return <p className="loading">Loading…</p>;
  const event = data.event;
  const hookName = (hookId: string) => hooks.find((hook) => hook.id === hookId)?.name ?? hookId;
  const chosen = target || hooks[0]?.id || '';
  const send = async () => {
    try {
      await replay({ variables: { eventId: id, hookId: chosen } });
      setOutcome({ tone: 'success', text: `Queued for ${hookName(chosen)}.` });
    } catch (failure) {
      setOutcome({ tone: 'error', text: errorMessage(failure) });
    }
  };
  return (
    <section>
      <Link to="/events">Back to events</Link>
      <h1>{event.event}</h1>
      <dl className="meta">
        <dt>Event id</dt>
        <dd>
          <code>{event.id}</code>
        </dd>
        <dt>Emitted</dt>
        <dd>{formatTime(event.createdAt)}</dd>
        <dt>Idempotency key</dt>
        <dd>{event.idempotencyKey ?? '–'}</dd>
      </dl>
      <div className="two-columns">
        <div className="card">
          <h2>Payload</h2>
          <pre aria-label="Payload">{JSON.stringify(event.payload, null, 2)}</pre>
        </div>
        <div className="card">
          <h2>Deliveries ({event.deliveries.totalCount})</h2>
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">Webhook</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
              </tr>
            </thead>
            <tbody>
              {event.deliveries.nodes.map((delivery) => (
                <tr key={delivery.id}>
                  <td>
                    <Link to={`/webhooks/${delivery.hookId}/deliveries/${delivery.id}`}>{hookName(delivery.hookId)}</Link>
                  </td>
                  <td>
                    <span className={`tag status-${delivery.status.toLowerCase()}`}>{delivery.status}</span>
                  </td>
                  <td>{delivery.attemptCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {viewer.canChange && hooks.length > 0 && (
            <div className="row">
              <label className="field inline">
                <span>Replay to</span>
                <select value={chosen} onChange={(change) => setTarget(change.target.value)}>
                  {hooks.map((hook) => (
                    <option key={hook.id} value={hook.id}>
                      {hook.name}
                    </option>
                  ))}
                </select>
              </label>
              <button type="button" className="button" disabled={loading || chosen === ''} onClick={() => void send()}>
                Replay event
              </button>
            </div>
          )}
          {outcome && <Notice tone={outcome.tone}>{outcome.text}</Notice>}
        </div>
      </div>
    </section>
  );
}
