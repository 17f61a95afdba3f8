import { useState } from 'react';
import { errorMessage } from '../../app/errors';
import { Link } from '../../app/router';
import { formatTime, isoOf } from '../../components/format';
import { Notice } from '../../components/Notice';
import { Pager, useCursorPages } from '../../components/Pager';
import { TimeField } from '../../components/TimeField';
import { EVENTS_PAGE_SIZE, useEventLog, useEventTail, type EventFilter, type LiveEvent } from './use-events';

/** "User.*, PostSignIn" as a list, or null for every type. */
function typesOf(text: string): string[] | null {
  const types = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return types.length > 0 ? types : null;
}

/** The event log filtered by type or pattern and time, and a live tail. */
export function EventsPage() {
  const pages = useCursorPages();
  const [typesText, setTypesText] = useState('');
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [live, setLive] = useState(false);
  const [tail, setTail] = useState<LiveEvent[]>([]);
  const filter: EventFilter = { types: typesOf(typesText), since: isoOf(since), until: isoOf(until) };
  const { data, error, refetch } = useEventLog(filter, pages.after);
  useEventTail(filter.types, live, (event) => {
    setTail((current) => [event, ...current].slice(0, 100));
    // The first page shows the newest events: read it again so the log agrees with the tail.
    if (pages.page === 1) void refetch();
  });
  const events = data?.events;
  return (
    <section>
      <h1>Events</h1>
      <div className="filters" role="search" aria-label="Filter events">
        <label className="field inline">
          <span>Types or patterns</span>
          <input
            value={typesText}
            placeholder="User.*, PostSignIn"
            onChange={(event) => {
              setTypesText(event.target.value);
              pages.reset();
            }}
          />
        </label>
        <TimeField label="Emitted from" value={since} onChange={(local) => (setSince(local), pages.reset())} />
        <TimeField label="Emitted until" value={until} onChange={(local) => (setUntil(local), pages.reset())} />
        <label className="check">
          <input type="checkbox" checked={live} onChange={(event) => setLive(event.target.checked)} />
          Live tail
        </label>
      </div>
      {live && (
        <section className="card" aria-label="Live events">
          <h2>Live tail</h2>
          {tail.length === 0 && <p className="muted">Waiting for the next event…</p>}
          <ul className="plain-list">
            {tail.map((event) => (
              <li key={event.id} data-testid="live-event">
                <Link to={`/events/${event.id}`}>{event.event}</Link> · <code>{event.id}</code> · {formatTime(event.createdAt)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {error && <Notice tone="error">{errorMessage(error)}</Notice>}
      {events && (
        <>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Id</th>
                <th scope="col">Emitted</th>
                <th scope="col">Idempotency key</th>
              </tr>
            </thead>
            <tbody>
              {events.nodes.map((event) => (
                <tr key={event.id}>
                  <td>
                    <Link to={`/events/${event.id}`}>{event.event}</Link>
                  </td>
                  <td>
                    <code>{event.id}</code>
                  </td>
                  <td>{formatTime(event.createdAt)}</td>
                  <td className="muted">{event.idempotencyKey ?? ''}</td>
                </tr>
              ))}
              {events.nodes.length === 0 && (
                <tr>
                  <td colSpan={4} className="muted">
                    No events match.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          <Pager
            noun="events"
            page={pages.page}
            pageSize={EVENTS_PAGE_SIZE}
            total={events.totalCount}
            hasNext={events.pageInfo.hasNextPage}
            onNext={() => pages.next(events.pageInfo.endCursor ?? null)}
            onPrevious={pages.previous}
          />
        </>
      )}
    </section>
  );
}
