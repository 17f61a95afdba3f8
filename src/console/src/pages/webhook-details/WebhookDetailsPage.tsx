import { errorMessage } from '../../app/errors';
import { Link, navigate } from '../../app/router';
import { useViewer } from '../../app/viewer';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CopyButton } from '../../components/CopyButton';
import { Notice } from '../../components/Notice';
import { RateTag } from '../../components/RateTag';
import { useLiveStats } from '../webhooks/use-webhooks';
import { DeliveriesTab } from './DeliveriesTab';
import { DeliveryPage } from './DeliveryPage';
import { SettingsTab } from './SettingsTab';
import { useDeleteWebhook, useUpdateWebhook, useWebhook } from './use-webhook';

const TABS: Array<{ tab: string; label: string }> = [
  { tab: 'settings', label: 'Settings' },
  { tab: 'deliveries', label: 'Deliveries' },
];

/** Logto's details header (24 h requests, rate tag, copyable id, disable / reactivate / delete) and the tabs. */
export function WebhookDetailsPage({ id, tab, deliveryId }: { id: string; tab: string; deliveryId?: string }) {
  const viewer = useViewer();
  const { data, error } = useWebhook(id);
  const [updateHook] = useUpdateWebhook();
  const [deleteHook] = useDeleteWebhook();
  useLiveStats(id);
  if (error && !data) return <Notice tone="error">{errorMessage(error)}</Notice>;
  if (!data) return <p className="loading">Loading…</p>;
  const hook = data.hook;
  const stats = hook.executionStats;
  return (
    <section>
      <Link to="/webhooks">Back to webhooks</Link>
      <header className="details-head">
        <div>
          <h1>{hook.name}</h1>
          <p className="row">
            <span data-label="requests-24h">
              {stats.requestCount} {stats.requestCount === 1 ? 'request' : 'requests'} in 24h
            </span>
            <RateTag enabled={hook.enabled} requests={stats.requestCount} successes={stats.successCount} />
            <code>{hook.id}</code>
            <CopyButton text={hook.id} label="Copy webhook id" />
          </p>
          {hook.disabledReason && <Notice tone="error">Disabled by hookwire: {hook.disabledReason}</Notice>}
        </div>
        {viewer.canChange && (
          <div className="row">
            {hook.enabled ? (
              <ConfirmButton
                label="Disable webhook"
                title="Disable this webhook?"
                question={<p>Events will not be sent to {hook.url} until you reactivate it; they are recorded as skipped.</p>}
                confirmLabel="Disable"
                onConfirm={() => updateHook({ variables: { id, input: { enabled: false } } })}
              />
            ) : (
              <ConfirmButton
                label="Reactivate webhook"
                title="Reactivate this webhook?"
                question={<p>Events will be sent to {hook.url} again from now on.</p>}
                confirmLabel="Reactivate"
                onConfirm={() => updateHook({ variables: { id, input: { enabled: true } } })}
              />
            )}
            <ConfirmButton
              label="Delete webhook"
              title="Delete this webhook?"
              question={<p>“{hook.name}” and all its delivery records are deleted for good. This cannot be undone.</p>}
              confirmLabel="Delete"
              danger
              onConfirm={async () => {
                await deleteHook({ variables: { id } });
                navigate('/webhooks');
              }}
            />
          </div>
        )}
      </header>
      <nav className="tabs" aria-label="Webhook sections">
        {TABS.map((item) => (
          <Link key={item.tab} to={`/webhooks/${id}/${item.tab}`} aria-current={tab === item.tab ? 'page' : undefined}>
            {item.label}
          </Link>
        ))}
      </nav>
      {tab === 'settings' && <SettingsTab hook={hook} />}
      {tab === 'deliveries' && !deliveryId && <DeliveriesTab hookId={id} />}
      {tab === 'deliveries' && deliveryId && <DeliveryPage hookId={id} deliveryId={deliveryId} />}
    </section>
  );
}
