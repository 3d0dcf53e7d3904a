import { labelEvery, niceMax, ticks } from './chart-scale';

export interface TrendSeries {
  key: string;
  label: string;
  /** One value per x label; null (suppressed or unknown) leaves a gap in the line. */
  values: readonly (number | null)[];
}

interface TrendChartProps {
  /** What the chart shows, in a few sentences: its accessible name (the table below has every value). */
  summary: string;
  /** The labels along the x axis (e.g. short month names), one per value. */
  xLabels: readonly string[];
  series: readonly TrendSeries[];
  /** How the axis writes a number (Belgian format). */
  formatValue: (value: number) => string;
}

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 12, right: 36, bottom: 40, left: 56 };
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;

/** The marker of the n-th series: circle, square, diamond (shape as well as colour and dash tell them apart). */
export function SeriesMarker({ index, x, y }: { index: number; x: number; y: number }) {
  switch (index % 3) {
    case 0:
      return <circle cx={x} cy={y} r={3.5} />;
    case 1:
      return <rect x={x - 3.5} y={y - 3.5} width={7} height={7} />;
    default:
      return <path d={`M${String(x)} ${String(y - 4.5)}l4.5 4.5l-4.5 4.5l-4.5 -4.5z`} />;
  }
}

/** The line of a series, broken where a value is missing. */
function linePath(points: readonly ({ x: number; y: number } | null)[]): string {
  let path = '';
  let drawing = false;
  for (const point of points) {
    if (point === null) {
      drawing = false;
      continue;
    }
    path += `${drawing ? 'L' : 'M'}${point.x.toFixed(1)} ${point.y.toFixed(1)}`;
    drawing = true;
  }
  return path;
}

/** A line chart of one or more series over the same x labels (e.g. new cases per month, per kind). */
export function TrendChart({ summary, xLabels, series, formatValue }: TrendChartProps) {
  const max = niceMax(Math.max(0, ...series.flatMap((line) => line.values.filter((value) => value !== null))));
  const x = (index: number) =>
    MARGIN.left + (xLabels.length <= 1 ? PLOT_WIDTH / 2 : (index * PLOT_WIDTH) / (xLabels.length - 1));
  const y = (value: number) => MARGIN.top + PLOT_HEIGHT - (value / max) * PLOT_HEIGHT;
  const every = labelEvery(xLabels.length, 7);

  return (
    <div className="chart">
      <svg
        className="chart__svg"
        viewBox={`0 0 ${String(WIDTH)} ${String(HEIGHT)}`}
        role="img"
        aria-label={summary}
        preserveAspectRatio="xMidYMid meet"
      >
        <title>{summary}</title>
        <g className="chart__grid">
          {ticks(max).map((tick) => (
            <g key={tick}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
              <text x={MARGIN.left - 8} y={y(tick)} dy="0.32em" textAnchor="end">
                {formatValue(tick)}
              </text>
            </g>
          ))}
        </g>
        <g className="chart__axis">
          {xLabels.map((label, index) =>
            index % every === 0 ? (
              <text key={label} x={x(index)} y={HEIGHT - MARGIN.bottom + 24} textAnchor="middle">
                {label}
              </text>
            ) : null,
          )}
        </g>
        {series.map((line, seriesIndex) => {
          const points = line.values.map((value, index) => (value === null ? null : { x: x(index), y: y(value) }));
          return (
            <g key={line.key} className={`chart__series chart__series--${String(seriesIndex % 3)}`}>
              <path d={linePath(points)} fill="none" />
              {points.map((point, index) =>
                point === null ? null : (
                  <SeriesMarker key={xLabels[index] ?? index} index={seriesIndex} x={point.x} y={point.y} />
                ),
              )}
            </g>
          );
        })}
      </svg>
      {series.length > 1 && <ChartLegend items={series.map((line) => line.label)} kind="line" />}
    </div>
  );
}

/** The legend of a chart: a sample of each line or colour, with its name. */
export function ChartLegend({ items, kind }: { items: readonly string[]; kind: 'line' | 'stage' }) {
  return (
    <ul className="chart-legend">
      {items.map((label, index) => (
        <li key={label} className="chart-legend__item">
          <svg className="chart-legend__sample" viewBox="0 0 28 14" aria-hidden="true" focusable="false">
            {kind === 'line' ? (
              <g className={`chart__series chart__series--${String(index % 3)}`}>
                <path d="M1 7H27" fill="none" />
                <SeriesMarker index={index} x={14} y={7} />
              </g>
            ) : (
              <rect className={`chart__stage chart__stage--${String(index)}`} x={1} y={1} width={26} height={12} />
            )}
          </svg>
          {label}
        </li>
      ))}
    </ul>
  );
}
