/**
 * Response time per day: for every local day of the period, a bar of the median first response (office
 * time) and, in a strip beneath, a bar of the number of cases. Two panels rather than two axes on one: a
 * reader compares bar heights without working out which axis a bar belongs to.
 */
import type { DayFigures } from '../domain/report';
import { ChartTable } from './chart-table';
import { formatCases, formatCount, formatLongDate, formatOfficeDuration, formatShortDate } from './format';
import { t } from '../ui/i18n';
import { Value } from './value';

const W = 720;
const LEFT = 76;
const RIGHT = 8;
const MEDIAN_TOP = 26;
const MEDIAN_H = 150;
const CASES_TOP = MEDIAN_TOP + MEDIAN_H + 34;
const CASES_H = 56;
const AXIS_Y = CASES_TOP + CASES_H + 16;
const H = AXIS_Y + 6;

/** How many day labels fit under the bars without overlapping. */
const MAX_LABELS = 12;

/** `estimatedDates`: the days with at least one case whose posted time is an estimate. */
export function PerDayChart({ days, estimatedDates }: { days: DayFigures[]; estimatedDates: ReadonlySet<string> }) {
  const maxMedian = Math.max(0, ...days.map((d) => d.medianFirstResponseMs ?? 0));
  const maxCases = Math.max(0, ...days.map((d) => d.cases));
  const slot = (W - LEFT - RIGHT) / Math.max(1, days.length);
  const barW = Math.max(1, slot * 0.7);
  const labelEvery = Math.ceil(days.length / MAX_LABELS);
  const medianHeight = (ms: number | null) => (ms === null || maxMedian === 0 ? 0 : (ms / maxMedian) * MEDIAN_H);
  const casesHeight = (n: number) => (maxCases === 0 ? 0 : (n / maxCases) * CASES_H);

  return (
    <div class="chart" data-testid="chart-per-day">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary(days, estimatedDates.size > 0)} class="chart-svg" preserveAspectRatio="xMinYMin meet">
        <text x={0} y={14} class="panel-title">
          {t('reportPerDayMedianAxis')}
        </text>
        <Gridline y={MEDIAN_TOP} label={formatOfficeDuration(maxMedian) ?? ''} />
        <Gridline y={MEDIAN_TOP + MEDIAN_H} label={formatOfficeDuration(0) ?? ''} baseline />
        <text x={0} y={CASES_TOP - 12} class="panel-title">
          {t('reportPerDayCasesAxis')}
        </text>
        <Gridline y={CASES_TOP} label={formatCount(maxCases)} />
        <Gridline y={CASES_TOP + CASES_H} label={formatCount(0)} baseline />
        {days.map((d, i) => {
          const x = LEFT + i * slot + (slot - barW) / 2;
          const mh = medianHeight(d.medianFirstResponseMs);
          const ch = casesHeight(d.cases);
          const tip = t(
            'reportPerDayTip',
            formatLongDate(d.date),
            formatOfficeDuration(d.medianFirstResponseMs) ?? t('reportNoAnswers'),
            formatCases(d.cases),
          );
          return (
            <g class="day" key={d.date} data-date={d.date}>
              <title>{tip}</title>
              {/* A full-height target behind the bars, so a day without bars still shows its tooltip. */}
              <rect class="hit" x={LEFT + i * slot} y={MEDIAN_TOP} width={slot} height={CASES_TOP + CASES_H - MEDIAN_TOP} />
              <rect class="bar bar-median" x={x} y={MEDIAN_TOP + MEDIAN_H - mh} width={barW} height={mh} />
              <rect class="bar bar-cases" x={x} y={CASES_TOP + CASES_H - ch} width={barW} height={ch} />
              {i % labelEvery === 0 && (
                <text x={LEFT + (i + 0.5) * slot} y={AXIS_Y} class="axis-label" text-anchor="middle">
                  {formatShortDate(d.date)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ChartTable caption={t('reportPerDayTableCaption')} testId="table-per-day">
        <thead>
          <tr>
            <th scope="col">{t('reportColDate')}</th>
            <th scope="col">{t('reportColCases')}</th>
            <th scope="col">{t('reportColAnswered')}</th>
            <th scope="col">{t('reportColMedian')}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.date} data-date={d.date}>
              <th scope="row">{formatLongDate(d.date)}</th>
              <td>{formatCount(d.cases)}</td>
              <td>{formatCount(d.answered)}</td>
              <td>
                <Value text={formatOfficeDuration(d.medianFirstResponseMs)} estimated={estimatedDates.has(d.date)} />
              </td>
            </tr>
          ))}
        </tbody>
      </ChartTable>
    </div>
  );
}

function Gridline({ y, label, baseline = false }: { y: number; label: string; baseline?: boolean }) {
  return (
    <g class={baseline ? 'gridline baseline' : 'gridline'}>
      <line x1={LEFT} x2={W - RIGHT} y1={y} y2={y} />
      <text x={LEFT - 6} y={y + 4} text-anchor="end" class="axis-label">
        {label}
      </text>
    </g>
  );
}

/** What a sighted reader takes from the chart: the slowest day and the busiest day. */
function summary(days: DayFigures[], estimated: boolean): string {
  if (days.length === 0) return t('reportPerDayTitle');
  const first = formatLongDate(days[0]!.date);
  const last = formatLongDate(days[days.length - 1]!.date);
  const busiest = days.reduce((a, b) => (b.cases > a.cases ? b : a));
  const answered = days.filter((d) => d.medianFirstResponseMs !== null);
  const parts = [t('reportPerDaySummary', first, last)];
  if (answered.length > 0) {
    const slowest = answered.reduce((a, b) => (b.medianFirstResponseMs! > a.medianFirstResponseMs! ? b : a));
    const fastest = answered.reduce((a, b) => (b.medianFirstResponseMs! < a.medianFirstResponseMs! ? b : a));
    parts.push(
      t('reportPerDaySummarySlowest', formatLongDate(slowest.date), formatOfficeDuration(slowest.medianFirstResponseMs)!),
      t('reportPerDaySummaryFastest', formatLongDate(fastest.date), formatOfficeDuration(fastest.medianFirstResponseMs)!),
    );
  } else {
    parts.push(t('reportNoAnswers'));
  }
  parts.push(t('reportPerDaySummaryBusiest', formatLongDate(busiest.date), formatCases(busiest.cases)));
  if (estimated) parts.push(t('reportSummaryEstimated'));
  return parts.join(' ');
}
