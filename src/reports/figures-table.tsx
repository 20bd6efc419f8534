/** One table of report figures per site, tag or agent: every Figures column, written for people. */
import type { Figures } from '../domain/report';
import { formatCount, formatOfficeDuration, formatRate } from './format';
import { t, type MessageKey } from '../ui/i18n';
import { Value } from './value';

export interface FiguresRow {
  key: string;
  label: string;
  figures: Figures;
}

/** The columns after the row header, in the order of the figures export. */
export const FIGURE_COLUMNS: ReadonlyArray<{ id: string; header: MessageKey; cell(f: Figures): { text: string | null; timed?: boolean } }> = [
  { id: 'cases', header: 'reportColCases', cell: (f) => ({ text: formatCount(f.cases) }) },
  { id: 'answered', header: 'reportColAnswered', cell: (f) => ({ text: formatCount(f.answered) }) },
  { id: 'response-rate', header: 'reportColResponseRate', cell: (f) => ({ text: formatRate(f.responseRate) }) },
  { id: 'median', header: 'reportColMedian', cell: (f) => ({ text: formatOfficeDuration(f.medianFirstResponseMs), timed: true }) },
  { id: 'p90', header: 'reportColP90', cell: (f) => ({ text: formatOfficeDuration(f.p90FirstResponseMs), timed: true }) },
  { id: 'within-sla', header: 'reportColWithinSla', cell: (f) => ({ text: formatCount(f.withinSla), timed: true }) },
  { id: 'within-sla-rate', header: 'reportColWithinSlaRate', cell: (f) => ({ text: formatRate(f.withinSlaRate), timed: true }) },
  { id: 'service-share', header: 'reportColServiceShare', cell: (f) => ({ text: formatRate(f.serviceShare) }) },
  { id: 'open-handovers', header: 'reportColHandovers', cell: (f) => ({ text: formatCount(f.openHandovers) }) },
  { id: 'overdue', header: 'reportColOverdue', cell: (f) => ({ text: formatCount(f.overdue), timed: true }) },
  { id: 'estimated', header: 'reportColEstimated', cell: (f) => ({ text: formatCount(f.estimated) }) },
];

interface Props {
  caption: string;
  keyHeader: MessageKey;
  rows: FiguresRow[];
  testId: string;
}

export function FiguresTable({ caption, keyHeader, rows, testId }: Props) {
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table class="figures" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(keyHeader)}</th>
            {FIGURE_COLUMNS.map((c) => (
              <th scope="col" key={c.id}>
                {t(c.header)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-key={row.key}>
              <th scope="row">{row.label}</th>
              {FIGURE_COLUMNS.map((c) => {
                const { text, timed } = c.cell(row.figures);
                return (
                  <td key={c.id} data-column={c.id}>
                    <Value text={text} estimated={timed === true && row.figures.estimated > 0} />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
