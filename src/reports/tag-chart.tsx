/**
 * Cases per tag as horizontal bars, most first. Each bar carries the tag's colour, but its label and count
 * are written beside it: the colour helps recognition, it never carries the meaning alone.
 */
import { ChartTable } from './chart-table';
import { formatCases, formatCount, formatRate } from './format';
import { t } from '../ui/i18n';
import { Value } from './value';

export interface TagBar {
  key: string;
  label: string;
  /** CSS colour; undefined for "no tag" and unknown tags (drawn in the neutral chip colour). */
  color: string | undefined;
  cases: number;
}

const W = 720;
const LABEL_W = 210;
const COUNT_W = 56;
const ROW = 26;
const BAR_H = 16;
const MAX_LABEL = 28;

export function TagChart({ bars, totalCases }: { bars: TagBar[]; totalCases: number }) {
  const max = Math.max(1, ...bars.map((b) => b.cases));
  const H = Math.max(1, bars.length) * ROW + 4;
  const span = W - LABEL_W - COUNT_W;
  return (
    <div class="chart" data-testid="chart-tags">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary(bars, totalCases)} class="chart-svg" preserveAspectRatio="xMinYMin meet">
        {bars.map((b, i) => {
          const y = i * ROW + 4;
          const width = (b.cases / max) * span;
          const short = b.label.length > MAX_LABEL ? `${b.label.slice(0, MAX_LABEL - 1)}…` : b.label;
          return (
            <g class="tag-row" key={b.key} data-tag={b.key}>
              <title>{t('reportTagTip', b.label, formatCases(b.cases))}</title>
              <rect class="swatch" x={1} y={y + (BAR_H - 12) / 2 + 1} width={12} height={12} rx={2} style={b.color ? { fill: b.color } : undefined} />
              <text x={20} y={y + BAR_H - 3} class="bar-label">
                {short}
              </text>
              <rect class="bar bar-tag" x={LABEL_W} y={y} width={Math.max(width, 1)} height={BAR_H} rx={2} style={b.color ? { fill: b.color } : undefined} />
              <text x={LABEL_W + width + 6} y={y + BAR_H - 3} class="bar-value">
                {formatCount(b.cases)}
              </text>
            </g>
          );
        })}
      </svg>
      <ChartTable caption={t('reportTagsTableCaption')} testId="table-tag-chart">
        <thead>
          <tr>
            <th scope="col">{t('reportColTag')}</th>
            <th scope="col">{t('reportColCases')}</th>
            <th scope="col">{t('reportColShareOfCases')}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((b) => (
            <tr key={b.key} data-tag={b.key}>
              <th scope="row">{b.label}</th>
              <td>{formatCount(b.cases)}</td>
              <td>
                <Value text={formatRate(totalCases === 0 ? null : b.cases / totalCases)} />
              </td>
            </tr>
          ))}
        </tbody>
      </ChartTable>
      <p class="chart-note muted">{t('reportTagsNote')}</p>
    </div>
  );
}

function summary(bars: TagBar[], totalCases: number): string {
  const top = bars.slice(0, 3).map((b) => t('reportTagTip', b.label, formatCases(b.cases)));
  return t('reportTagsSummary', formatCount(bars.length), formatCount(totalCases), top.join('; '));
}
