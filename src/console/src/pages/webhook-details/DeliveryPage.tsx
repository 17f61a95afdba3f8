import { useMutation, useQuery } from '@apollo/client/react';
import { errorMessage } from '../../app/errors';
import { Link } from '../../app/router';
import { useViewer } from '../../app/viewer';
import { formatTime, prettyJson } from '../../components/format';
import { Notice } from '../../components/Notice';
import { graphql } from '../../gql';
import { useHookAttempts } from './use-deliveries';

const DeliveryDocument = graphql(`
  query WebhookDelivery($id: ID!) {
    delivery(id: $id) {
      ...DeliveryFields
      attempts {
        ...AttemptFields
      }
    }
  }
`);

const ResendDocument = graphql(`
  mutation ResendDelivery($deliveryId: ID!) {
    redeliver(deliveryId: $deliveryId) {
      id
      status
      attemptCount
      nextAttemptAt
    }
  }
`);

/** One delivery: every attempt's request, response, duration, error and trigger; Resend. */
export function DeliveryPage({ hookId, deliveryId }: { hookId: string; deliveryId: string }) {
  const viewer = useViewer();
  const { data, error, refetch } = useQuery(DeliveryDocument, { variables: { id: deliveryId }, fetchPolicy: 'cache-and-network' });
  const [resend, { loading }] = useMutation(ResendDocument);
  // A new attempt of this delivery (a retry, a resend) shows up as it happens.
  useHookAttempts(hookId, true, (attempt) => {
    if (attempt.deliveryId === deliveryId) void refetch();
  });
  if (error && !data) return <Notice tone="error">{errorMessage(error)}</Notice>;
  if (!data) return <p className="loading">Loading…</p>;
  const delivery = data.delivery;
  return (
    <section aria-label="Delivery">
      <Link to={`/webhooks/${hookId}/deliveries`}>Back to deliveries</Link>
      <div className="page-head">
        <h2>
          {delivery.event} · <span className={`tag status-${delivery.status.toLowerCase()}`}>{delivery.status}</span>
        </h2>
        {viewer.canChange && (
          <button
            type="button"
            className="button primary"
            disabled={loading}
            onClick={() => void resend({ variables: { deliveryId } })}
          >
            Resend
          </button>
        )}
      </div>
      <dl className="meta">
        <dt>Delivery id</dt>
        <dd>
          <code>{delivery.id}</code>
        </dd>
        <dt>Event id</dt>
        <dd>
          <code>{delivery.eventId}</code>
        </dd>
        <dt>Created</dt>
        <dd>{formatTime(delivery.createdAt)}</dd>
        <dt>Next attempt</dt>
        <dd>{formatTime(delivery.nextAttemptAt)}</dd>
      </dl>
      {delivery.attempts.length === 0 && <p className="muted">No attempt yet.</p>}
      {delivery.attempts.map((attempt) => (
        <article key={attempt.id} className="card attempt" aria-label={`Attempt ${attempt.number}`}>
          <h3>
            Attempt {attempt.number} · <span className={attempt.succeeded ? 'tag tag-good' : 'tag tag-bad'}>{attempt.responseStatus ?? 'Request error'}</span>
          </h3>
          <p className="muted">
            {formatTime(attempt.startedAt)} · {attempt.durationMs} ms · trigger {attempt.trigger}
            {attempt.errorKind && ` · ${attempt.errorKind}: ${attempt.errorMessage ?? ''}`}
          </p>
          <div className="two-columns">
            <div>
              <h4>Request</h4>
              <p>
                POST <code>{attempt.request.url}</code>
              </p>
              <table className="table compact" aria-label={`Attempt ${attempt.number} request headers`}>
                <tbody>
                  {attempt.request.headers.map((header) => (
                    <tr key={header.name}>
                      <th scope="row">{header.name}</th>
                      <td>
                        <code>{header.value}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <pre aria-label={`Attempt ${attempt.number} request body`}>{prettyJson(attempt.request.body)}</pre>
            </div>
            <div>
              <h4>Response</h4>
              <p>Status: {attempt.responseStatus ?? 'no response'}</p>
              <pre aria-label={`Attempt ${attempt.number} response body`}>{prettyJson(attempt.responseBody) || '(empty)'}</pre>
            </div>
          </div>
        </article>
      ))}
    </section>
  );
}
