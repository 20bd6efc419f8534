/**
 * The report's two CSV files (README, "Reports CSV"): the figures per dimension, and the cases behind them —
 * timing and handling only, no citizen text or author names (data minimisation). Written by the one CSV writer.
 */
import { isEstimatedTime } from '../domain/post-ref';
import type { Case } from '../domain/case';
import { caseRows, compareKeys, MINUTE, type Figures, type Report, type ReportOptions } from '../domain/report';
import type { Site } from '../domain/site';
import { csvFile } from './csv';
import { siteName } from './event-description';

/** Display names for the keys of the figures export; keys stay in their own column. */
export interface ReportLabels {
  site?: (site: Site) => string;
  /** Receives UNTAGGED too. */
  tag?: (tagId: string) => string;
  /** Receives '' for unassigned. */
  agent?: (assignee: string) => string;
}

/**
 * Columns of `figuresCsv`, one row per (dimension, key): dimension is total, site, tag or agent; times in
 * office minutes with one decimal; rates (…_pct) as percentages with one decimal.
 */
export const FIGURES_CSV_COLUMNS = [
  'dimension',
  'key',
  'label',
  'cases',
  'answered',
  'response_rate_pct',
  'median_first_response_office_min',
  'p90_first_response_office_min',
  'within_sla',
  'within_sla_pct',
  'service_share_pct',
  'open_handovers',
  'overdue',
  'estimated',
] as const;

export function figuresCsv(report: Report, labels: ReportLabels = {}): string {
  const siteLabel = labels.site ?? siteName;
  const tagLabel = labels.tag ?? ((t: string) => t);
  const agentLabel = labels.agent ?? ((a: string) => a);
  const row = (dimension: string, key: string, label: string, f: Figures) => [
    dimension,
    key,
    label,
    String(f.cases),
    String(f.answered),
    pct(f.responseRate),
    minutes(f.medianFirstResponseMs),
    minutes(f.p90FirstResponseMs),
    String(f.withinSla),
    pct(f.withinSlaRate),
    pct(f.serviceShare),
    String(f.openHandovers),
    String(f.overdue),
    String(f.estimated),
  ];
  return csvFile(FIGURES_CSV_COLUMNS, [
    row('total', '', '', report.total),
    ...report.bySite.map(({ key, figures }) => row('site', key, siteLabel(key), figures)),
    ...report.byTag.map(({ key, figures }) => row('tag', key, tagLabel(key), figures)),
    ...report.byAgent.map(({ key, figures }) => row('agent', key, agentLabel(key), figures)),
  ]);
}

/**
 * Columns of `casesCsv`. Times are ISO 8601 in UTC; tags are ids separated by "; "; within_sla is yes/no,
 * blank when the case is unanswered or has no due time (as in the figures).
 *
 * Data minimisation (AVG): the export carries the timing and handling of each case and the link to the
 * post, but no citizen text and no author names or handles — figures do not need them, and a report file
 * travels further than the extension's own store. The handover export is the one that carries them.
 */
export const CASES_CSV_COLUMNS = [
  'id',
  'site',
  'url',
  'posted_at',
  'posted_at_estimated',
  'status',
  'tags',
  'assignee',
  'first_response_at',
  'first_response_office_min',
  'due_at',
  'within_sla',
] as const;

/** The cases behind a report (posted in the period), oldest first. */
export function casesCsv(cases: readonly Case[], options: ReportOptions): string {
  const rows = caseRows(cases, options).sort((a, b) => a.c.postedAt - b.c.postedAt || compareKeys(a.c.id, b.c.id));
  return csvFile(
    CASES_CSV_COLUMNS,
    rows.map(({ c, responseMs, withinSla }) => [
      c.id,
      c.site,
      c.url,
      iso(c.postedAt),
      isEstimatedTime(c.postedAtSource) ? 'yes' : 'no',
      c.status,
      c.tags.join('; '),
      c.assignee ?? '',
      iso(c.firstResponseAt),
      minutes(responseMs),
      iso(c.dueAt),
      withinSla === null ? '' : withinSla ? 'yes' : 'no',
    ]),
  );
}

function minutes(ms: number | null): string {
  return ms === null ? '' : (ms / MINUTE).toFixed(1);
}

function pct(rate: number | null): string {
  return rate === null ? '' : (rate * 100).toFixed(1);
}

function iso(t: number | undefined): string {
  return t === undefined ? '' : new Date(t).toISOString();
}

