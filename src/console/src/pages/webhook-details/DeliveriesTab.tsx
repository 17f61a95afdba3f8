import { useState } from 'react';
import { errorMessage } from '../../app/errors';
import { Link } from '../../app/router';
import { useViewer } from '../../app/viewer';
import { ConfirmButton } from '../../components/ConfirmButton';
import { formatTime, isoOf } from '../../components/format';
import { Notice } from '../../components/Notice';
import { Pager, useCursorPages } from '../../components/Pager';
import { TimeField } from '../../components/TimeField';
import { DeliveryStatus } from '../../gql/graphql';
import { DELIVERIES_PAGE_SIZE, useHookAttempts, useHookDeliveries, useRecoverDeliveries, type DeliveryFilter, type LiveAttempt } from './use-deliveries';

// The schema's DeliveryStatus, as the filter offers it.
const STATUSES: readonly DeliveryStatus[] = Object.values(DeliveryStatus);

/** The whole delivery history, filtered and paginated, a live feed of attempts, and bulk recovery. */
export function DeliveriesTab({ hookId }: { hookId: string }) {
  const viewer = useViewer();
  const pages = useCursorPages();
  const [filter, setFilter] = useState<DeliveryFilter>({ status: null, event: null, since: null, until: null });
  const [live, setLive] = useState(false);
  const [attempts, setAttempts] = useState<LiveAttempt[]>([]);
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [recovered, setRecovered] = useState<string | null>(null);
  const { data, error, refetch } = useHookDeliveries(hookId, filter, pages.after);
  const [recover] = useRecoverDeliveries();
  useHookAttempts(hookId, live, (attempt) => {
    setAttempts((current) => [attempt, ...current].slice(0, 100));
    // The first page shows the newest deliveries: read it again so the table agrees with the feed.
    if (pages.page === 1) void refetch();
  });
  const change = (patch: Partial<DeliveryFilter>) => {
    setFilter((current) => ({ ...current, ...patch }));
    pages.reset();
  };
  const deliveries = data?.deliveries;
  return (
    <div>
      <div className="filters" role="search" aria-label="Filter deliveries">
        <label className="field inline">
          <span>Status</span>
          <select value={filter.status ?? ''} onChange={(event) => change({ status: (event.target.value || null) as DeliveryStatus | null })}>
            <option value="">Any status</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {status}
              </option>
            ))}
          </select>
        </label>
        <label className="field inline">
          <span>Event</span>
          <input value={filter.event ?? ''} placeholder="User.Created or User.*" onChange={(event) => change({ event: event.target.value.trim() || null })} />
        </label>
        <TimeField
          label="Created from"
          value={since}
          onChange={(local) => {
            setSince(local);
            change({ since: isoOf(local) });
          }}
        />
        <TimeField
          label="Created until"
          value={until}
          onChange={(local) => {
            setUntil(local);
            change({ until: isoOf(local) });
          }}
        />
        <label className="check">
          <input type="checkbox" checked={live} onChange={(event) => setLive(event.target.checked)} />
          Live: show attempts as they happen
        </label>
      </div>
      {live && (
        <section aria-label="Live attempts" className="card">
          <h2>Live attempts</h2>
          {attempts.length === 0 && <p className="muted">Waiting for the next attempt…</p>}
          <ul className="plain-list live">
            {attempts.map((attempt) => (
              <li key={`${attempt.deliveryId}-${attempt.attemptNumber}`} data-testid="live-attempt">
                <span className={attempt.succeeded ? 'tag tag-good' : 'tag tag-bad'}>{attempt.responseStatus ?? attempt.errorKind ?? '–'}</span>{' '}
                <Link to={`/webhooks/${hookId}/deliveries/${attempt.deliveryId}`}>{attempt.event}</Link> attempt {attempt.attemptNumber} · {attempt.status} ·{' '}
                {formatTime(attempt.startedAt)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {error && <Notice tone="error">{errorMessage(error)}</Notice>}
      {deliveries && (
        <>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Event</th>
                <th scope="col">Attempts</th>
                <th scope="col">Created</th>
                <th scope="col">Last error</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.nodes.map((delivery) => (
                <tr key={delivery.id}>
                  <td>
                    <span className={`tag status-${delivery.status.toLowerCase()}`}>{delivery.status}</span>
                  </td>
                  <td>
                    <Link to={`/webhooks/${hookId}/deliveries/${delivery.id}`}>{delivery.event}</Link>
                  </td>
                  <td>{delivery.attemptCount}</td>
                  <td>{formatTime(delivery.createdAt)}</td>
                  <td className="muted">{delivery.lastError ?? ''}</td>
                </tr>
              ))}
              {deliveries.nodes.length === 0 && (
                <tr>
                  <td colSpan={5} className="muted">
                    No deliveries match.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          <Pager
            noun="deliveries"
            page={pages.page}
            pageSize={DELIVERIES_PAGE_SIZE}
            total={deliveries.totalCount}
            hasNext={deliveries.pageInfo.hasNextPage}
            onNext={() => pages.next(deliveries.pageInfo.endCursor ?? null)}
            onPrevious={pages.previous}
          />
        </>
      )}
      {viewer.canChange && (
        <section className="card" aria-labelledby="recover-title">
          <h2 id="recover-title">Retry failed deliveries</h2>
          <p className="muted">
            {filter.since ? 'Queues every FAILED or SKIPPED delivery created in the range of the filter above again.' : 'Set “Created from” above to choose the range.'}
          </p>
          <div className="row">
            <ConfirmButton
              label="Retry every failed delivery in this range"
              title="Retry the failed deliveries?"
              question={<p>Every FAILED or SKIPPED delivery of this webhook created in this range is queued for a new round of attempts.</p>}
              confirmLabel="Retry them"
              disabled={!filter.since}
              onConfirm={async () => {
                const answer = await recover({ variables: { hookId, since: filter.since!, until: filter.until } });
                setRecovered(`${answer.data?.recoverFailedDeliveries ?? 0} deliveries queued again.`);
              }}
            />
          </div>
          {recovered && <Notice tone="success">{recovered}</Notice>}
        </section>
      )}
    </div>
  );
}
