/**
 * When do questions come in: a weekday × hour grid (Monday first, local time), each cell shaded by the
 * number of cases posted in that hour. The count of every cell is in its tooltip and in the table beneath;
 * the legend gives the counts each shade stands for.
 */
import { ChartTable } from './chart-table';
import { formatCases, formatCount, hourSpan, weekdayNames } from './format';
import { t } from '../ui/i18n';

const LEFT = 40;
const TOP = 22;
const CELL = 26;
const GAP = 2;
const W = LEFT + 24 * CELL;
const H = TOP + 7 * CELL;
const HOUR_LABELS = [0, 3, 6, 9, 12, 15, 18, 21];

/** Shades besides "none". */
export const LEVELS = 4;

export function levelOf(count: number, max: number): number {
  return count <= 0 || max <= 0 ? 0 : Math.min(LEVELS, Math.ceil((count * LEVELS) / max));
}

/** The counts each shade stands for, e.g. [[0,0],[1,2],[3,5],…]; shades no count reaches are left out. */
export function legendRanges(max: number): Array<{ level: number; from: number; to: number }> {
  const ranges = [{ level: 0, from: 0, to: 0 }];
  for (let level = 1; level <= LEVELS; level++) {
    // The smallest and largest count with this level: ceil(c·L/max) = level ⇔ (level−1)·max/L < c ≤ level·max/L.
    const from = Math.floor(((level - 1) * max) / LEVELS) + 1;
    const to = Math.floor((level * max) / LEVELS);
    if (from <= to) ranges.push({ level, from, to });
  }
  return ranges;
}

export function HeatMap({ grid }: { grid: number[][] }) {
  const days = weekdayNames('short');
  const longDays = weekdayNames('long');
  const max = Math.max(0, ...grid.flat());
  return (
    <div class="chart" data-testid="chart-heatmap">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary(grid, longDays)} class="chart-svg heat-map" preserveAspectRatio="xMinYMin meet">
        {HOUR_LABELS.map((h) => (
          <text key={h} x={LEFT + h * CELL} y={TOP - 8} class="axis-label">
            {String(h).padStart(2, '0')}
          </text>
        ))}
        {days.map((day, d) => (
          <g key={day} class="weekday">
            <text x={LEFT - 8} y={TOP + d * CELL + CELL / 2 + 4} text-anchor="end" class="axis-label">
              {day}
            </text>
            {Array.from({ length: 24 }, (_, h) => {
              const count = grid[d]?.[h] ?? 0;
              return (
                <rect
                  key={h}
                  class={`cell level-${levelOf(count, max)}`}
                  data-weekday={d}
                  data-hour={h}
                  data-count={count}
                  x={LEFT + h * CELL}
                  y={TOP + d * CELL}
                  width={CELL - GAP}
                  height={CELL - GAP}
                  rx={3}
                >
                  <title>{t('reportHeatTip', longDays[d]!, hourSpan(h), formatCases(count))}</title>
                </rect>
              );
            })}
          </g>
        ))}
      </svg>
      <div class="legend" data-testid="heatmap-legend">
        <span class="legend-title">{t('reportHeatLegend')}</span>
        <ul>
          {legendRanges(max).map((r) => (
            <li key={r.level}>
              <svg width="16" height="16" aria-hidden="true" focusable="false" class="heat-map">
                <rect class={`level-${r.level}`} x="1" y="1" width="14" height="14" rx="3" />
              </svg>
              {r.from === r.to ? formatCount(r.from) : t('reportRange', formatCount(r.from), formatCount(r.to))}
            </li>
          ))}
        </ul>
      </div>
      <ChartTable caption={t('reportHeatTableCaption')} testId="table-heatmap">
        <thead>
          <tr>
            <th scope="col">{t('reportColWeekday')}</th>
            {Array.from({ length: 24 }, (_, h) => (
              <th scope="col" key={h}>
                <abbr title={hourSpan(h)}>{String(h).padStart(2, '0')}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {longDays.map((day, d) => (
            <tr key={day}>
              <th scope="row">{day}</th>
              {Array.from({ length: 24 }, (_, h) => (
                <td key={h}>{formatCount(grid[d]?.[h] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </ChartTable>
    </div>
  );
}

function summary(grid: number[][], longDays: string[]): string {
  let best = { d: 0, h: 0, n: -1 };
  const perDay = grid.map((hours) => hours.reduce((a, b) => a + b, 0));
  grid.forEach((hours, d) => hours.forEach((n, h) => n > best.n && (best = { d, h, n })));
  if (best.n <= 0) return t('reportHeatSummaryEmpty');
  const busiestDay = perDay.indexOf(Math.max(...perDay));
  return t('reportHeatSummary', longDays[best.d]!, hourSpan(best.h), formatCases(best.n), longDays[busiestDay]!, formatCases(perDay[busiestDay]!));
}
