import { errorMessage } from '../../app/errors';
import { formatTime } from '../../components/format';
import { Notice } from '../../components/Notice';
import { AttemptChart } from './AttemptChart';
import { useOverview } from './use-overview';

/** "3 min", "2 h 5 min": an age for a person. */
function formatAge(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Attempts per hour over 24 h (succeeded against failed), queue depth and the oldest due delivery's age. */
export function OverviewPage() {
  const { data, error } = useOverview();
  if (error && !data) return <Notice tone="error">{errorMessage(error)}</Notice>;
  if (!data) return <p className="loading">Loading…</p>;
  const succeeded = data.attemptSeries.reduce((sum, hour) => sum + hour.succeeded, 0);
  const failed = data.attemptSeries.reduce((sum, hour) => sum + hour.failed, 0);
  return (
    <section>
      <h1>Overview</h1>
      <div className="tiles">
        <div className="card tile">
          <span className="muted">Attempts (24h)</span>
          <strong>{succeeded + failed}</strong>
        </div>
        <div className="card tile">
          <span className="muted">Succeeded</span>
          <strong className="good">{succeeded}</strong>
        </div>
        <div className="card tile">
          <span className="muted">Failed</span>
          <strong className="bad">{failed}</strong>
        </div>
        <div className="card tile">
          <span className="muted">Queue: due now / open</span>
          <strong>
            {data.queue.due} / {data.queue.open}
          </strong>
        </div>
        <div className="card tile">
          <span className="muted">Oldest due delivery waits</span>
          <strong title={formatTime(data.queue.oldestDueAt)}>{data.queue.oldestDueAgeSeconds == null ? 'none due' : formatAge(data.queue.oldestDueAgeSeconds)}</strong>
        </div>
      </div>
      <div className="card">
        <h2>Attempts per hour</h2>
        <p className="legend">
          <span className="swatch good-swatch" /> succeeded <span className="swatch bad-swatch" /> failed
        </p>
        <AttemptChart hours={data.attemptSeries} />
      </div>
    </section>
  );
}
