import type { ConsoleOverviewQuery } from '../../gql/graphql';

type Hour = ConsoleOverviewQuery['attemptSeries'][number];

const WIDTH = 720;
const HEIGHT = 220;
const LEFT = 40;
const BOTTOM = 24;
// Room for the last hour's label, centred on the last bar.
const RIGHT = 28;

/** Stacked bars per hour (succeeded under failed), drawn as SVG: no chart library, nothing fetched. */
export function AttemptChart({ hours }: { hours: Hour[] }) {
  const max = Math.max(1, ...hours.map((hour) => hour.succeeded + hour.failed));
  const plotHeight = HEIGHT - BOTTOM - 8;
  const step = (WIDTH - LEFT - RIGHT) / Math.max(1, hours.length);
  const y = (value: number) => (value / max) * plotHeight;
  const succeeded = hours.reduce((sum, hour) => sum + hour.succeeded, 0);
  const failed = hours.reduce((sum, hour) => sum + hour.failed, 0);
  return (
    <svg
      className="chart"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`Attempts per hour over the last 24 hours: ${succeeded} succeeded, ${failed} failed`}
    >
      {[0, 0.5, 1].map((fraction) => (
        <g key={fraction}>
          <line x1={LEFT} x2={WIDTH - RIGHT} y1={8 + plotHeight - fraction * plotHeight} y2={8 + plotHeight - fraction * plotHeight} className="grid" />
          <text x={LEFT - 6} y={12 + plotHeight - fraction * plotHeight} textAnchor="end" className="axis">
            {Math.round(max * fraction)}
          </text>
        </g>
      ))}
      {hours.map((hour, index) => {
        const x = LEFT + index * step + step * 0.15;
        const width = step * 0.7;
        const base = 8 + plotHeight;
        const label = new Date(hour.hour).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
        return (
          <g key={hour.hour}>
            <title>{`${label}: ${hour.succeeded} succeeded, ${hour.failed} failed`}</title>
            <rect x={x} width={width} y={base - y(hour.succeeded)} height={y(hour.succeeded)} className="bar-good" />
            <rect x={x} width={width} y={base - y(hour.succeeded) - y(hour.failed)} height={y(hour.failed)} className="bar-bad" />
            {index % 4 === 3 && (
              <text x={x + width / 2} y={HEIGHT - 6} textAnchor="middle" className="axis">
                {label}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
