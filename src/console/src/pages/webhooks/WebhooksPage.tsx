import { Link } from '../../app/router';
import { useViewer } from '../../app/viewer';
import { formatTime } from '../../components/format';
import { Notice } from '../../components/Notice';
import { Pager, useCursorPages } from '../../components/Pager';
import { RateTag } from '../../components/RateTag';
import { PAGE_SIZE, useLiveStats, useWebhooksPage } from './use-webhooks';

/** Logto's webhook list plus health at a glance; the counts update live. */
export function WebhooksPage() {
  const viewer = useViewer();
  const pages = useCursorPages();
  const { data, error } = useWebhooksPage(pages.after);
  useLiveStats();
  const hooks = data?.hooks;
  return (
    <section>
      <div className="page-head">
        <h1>Webhooks</h1>
        {viewer.canChange && (
          <Link className="button primary" to="/webhooks/create">
            Create webhook
          </Link>
        )}
      </div>
      {error && <Notice tone="error">{error.message}</Notice>}
      {hooks && hooks.totalCount === 0 && (
        <div className="empty">
          <p>No webhooks yet. A webhook sends the events you pick to an endpoint URL.</p>
          {viewer.canChange && (
            <Link className="button primary" to="/webhooks/create">
              Create your first webhook
            </Link>
          )}
        </div>
      )}
      {hooks && hooks.totalCount > 0 && (
        <>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Events</th>
                <th scope="col">Success rate (24h)</th>
                <th scope="col">Requests (24h)</th>
                <th scope="col">Health</th>
              </tr>
            </thead>
            <tbody>
              {hooks.nodes.map((hook) => (
                <tr key={hook.id}>
                  <td>
                    <Link to={`/webhooks/${hook.id}/settings`}>{hook.name}</Link>
                  </td>
                  <td className="events">{hook.events.join(' / ')}</td>
                  <td>
                    <RateTag enabled={hook.enabled} requests={hook.executionStats.requestCount} successes={hook.executionStats.successCount} />
                  </td>
                  <td data-label="requests">{hook.executionStats.requestCount}</td>
                  <td className="muted">
                    {hook.disabledReason ?? (hook.failingSince ? `Failing since ${formatTime(hook.failingSince)}` : hook.enabled ? 'Healthy' : 'Disabled by hand')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            noun="webhooks"
            page={pages.page}
            pageSize={PAGE_SIZE}
            total={hooks.totalCount}
            hasNext={hooks.pageInfo.hasNextPage}
            onNext={() => pages.next(hooks.pageInfo.endCursor ?? null)}
            onPrevious={pages.previous}
          />
        </>
      )}
    </section>
  );
}
