/** Logto's thresholds: red below 90 %, amber below 99 %, green otherwise. */
export function rateTone(rate: number): 'bad' | 'warn' | 'good' {
  if (rate < 0.9) return 'bad';
  if (rate < 0.99) return 'warn';
  return 'good';
}

/** The 24 h success-rate tag: "–" without requests, "Not in use" for a disabled hook. */
export function RateTag({ requests, successes, enabled }: { requests: number; successes: number; enabled: boolean }) {
  if (!enabled) return <span className="tag tag-off">Not in use</span>;
  if (requests === 0) return <span className="tag tag-none" aria-label="No requests in 24 h">–</span>;
  const rate = successes / requests;
  const text = `${(Math.floor(rate * 1000) / 10).toString()}%`;
  return (
    <span className={`tag tag-${rateTone(rate)}`} data-tone={rateTone(rate)} aria-label={`Success rate ${text}`}>
      {text}
    </span>
  );
}
