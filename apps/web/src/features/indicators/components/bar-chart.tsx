import { niceMax } from './chart-scale';

export interface BarItem {
  key: string;
  label: string;
  /** null: suppressed or unknown (no bar; `text` says why, e.g. "< 5"). */
  value: number | null;
  /** The value as written next to the bar. */
  text: string;
}

interface BarChartProps {
  /** What the chart shows, in a few sentences: its accessible name (the table below has every value). */
  summary: string;
  items: readonly BarItem[];
}

const WIDTH = 640;
const ROW = 48;
const VALUE_ROOM = 72;

/** Horizontal bars with the label above each bar and the value at its end (e.g. new cases per region). */
export function BarChart({ summary, items }: BarChartProps) {
  const max = niceMax(Math.max(0, ...items.map((item) => item.value ?? 0)));
  const width = (value: number | null) => ((value ?? 0) / max) * (WIDTH - VALUE_ROOM);
  const height = Math.max(ROW, items.length * ROW);
  return (
    <div className="chart">
      <svg className="chart__svg" viewBox={`0 0 ${String(WIDTH)} ${String(height)}`} role="img" aria-label={summary}>
        <title>{summary}</title>
        {items.map((item, index) => {
          const top = index * ROW;
          const barWidth = width(item.value);
          return (
            <g key={item.key} className="chart__bar-row">
              <text className="chart__label" x={0} y={top + 16}>
                {item.label}
              </text>
              <rect className="chart__bar" x={0} y={top + 24} width={barWidth} height={16} />
              <text className="chart__value" x={barWidth + 6} y={top + 32} dy="0.32em">
                {item.text}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}
