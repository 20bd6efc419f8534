/**
 * The data table under a chart: the accessible equivalent of the picture, folded away under a summary so
 * the page stays easy to scan. Closed <details> keep the table in the document for anyone who opens it.
 */
import type { ComponentChildren } from 'preact';
import { t } from '../ui/i18n';

export function ChartTable({ caption, children, testId }: { caption: string; children: ComponentChildren; testId: string }) {
  return (
    <details class="chart-table">
      <summary>{t('reportShowTable')}</summary>
      <div class="table-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table data-testid={testId}>
          <caption>{caption}</caption>
          {children}
        </table>
      </div>
    </details>
  );
}
