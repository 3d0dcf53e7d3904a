import { niceMax } from './chart-scale';
import { ChartLegend } from './trend-chart';

export interface OutcomeItem {
  key: string;
  label: string;
  /** One value per stage (sent, accepted, …); null: suppressed or unknown (not drawn). */
  values: readonly (number | null)[];
  /** Written at the end of the row, e.g. the number sent. */
  text: string;
}

interface OutcomeChartProps {
  /** What the chart shows, in a few sentences: its accessible name (the table below has every value). */
  summary: string;
  /** The names of the stages, in order (each is reached by fewer referrals than the one before). */
  stages: readonly string[];
  items: readonly OutcomeItem[];
}

const WIDTH = 640;
const ROW = 60;
const VALUE_ROOM = 72;
const BAR_TOP = 24;
const THICKEST = 24;

/**
 * Stacked outcome bars: per row, every stage's bar starts at zero and lies on top of the one before it,
 * thinner and darker, so each row reads as "sent, of which accepted, of which enrolled …". A stage that is
 * suppressed is simply not drawn (the table says "< k").
 */
export function OutcomeChart({ summary, stages, items }: OutcomeChartProps) {
  const max = niceMax(Math.max(0, ...items.flatMap((item) => item.values.map((value) => value ?? 0))));
  const width = (value: number) => (value / max) * (WIDTH - VALUE_ROOM);
  const height = Math.max(ROW, items.length * ROW);
  const step = THICKEST / (stages.length + 1);
  return (
    <div className="chart">
      <svg className="chart__svg" viewBox={`0 0 ${String(WIDTH)} ${String(height)}`} role="img" aria-label={summary}>
        <title>{summary}</title>
        {items.map((item, index) => {
          const top = index * ROW;
          const widest = Math.max(0, ...item.values.map((value) => value ?? 0));
          return (
            <g key={item.key}>
              <text className="chart__label" x={0} y={top + 16}>
                {item.label}
              </text>
              {item.values.map((value, stage) => {
                if (value === null) return null;
                const thickness = THICKEST - stage * step;
                return (
                  <rect
                    key={stages[stage] ?? stage}
                    className={`chart__stage chart__stage--${String(stage)}`}
                    x={0}
                    y={top + BAR_TOP + (THICKEST - thickness) / 2}
                    width={width(value)}
                    height={thickness}
                  />
                );
              })}
              <text className="chart__value" x={width(widest) + 6} y={top + BAR_TOP + THICKEST / 2} dy="0.32em">
                {item.text}
              </text>
            </g>
          );
        })}
      </svg>
      <ChartLegend items={stages} kind="stage" />
    </div>
  );
}
