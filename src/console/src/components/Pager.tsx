import { useState } from 'react';

/** Cursor pagination state: the `after` of the current page and the way back. */
export function useCursorPages(): { after: string | null; page: number; next(cursor: string | null): void; previous(): void; reset(): void } {
  const [stack, setStack] = useState<Array<string | null>>([null]);
  return {
    after: stack[stack.length - 1],
    page: stack.length,
    next: (cursor) => setStack((current) => [...current, cursor]),
    previous: () => setStack((current) => (current.length > 1 ? current.slice(0, -1) : current)),
    reset: () => setStack([null]),
  };
}

/** "Page n · total" with Previous / Next buttons. */
export function Pager(props: { page: number; pageSize: number; total: number; hasNext: boolean; onNext(): void; onPrevious(): void; noun: string }) {
  const from = (props.page - 1) * props.pageSize + 1;
  const to = Math.min(props.total, props.page * props.pageSize);
  return (
    <nav className="pager" aria-label={`${props.noun} pages`}>
      <span>
        {props.total === 0 ? `No ${props.noun}` : `${from}–${to} of ${props.total} ${props.noun}`}
      </span>
      <button type="button" className="button small" disabled={props.page === 1} onClick={props.onPrevious}>
        Previous page
      </button>
      <button type="button" className="button small" disabled={!props.hasNext} onClick={props.onNext}>
        Next page
      </button>
    </nav>
  );
}
