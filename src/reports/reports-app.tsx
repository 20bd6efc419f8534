/**
 * The reports page: how many questions came in over a period, how fast the municipality answered them (in
 * office time) and how often within the norm, in total and per channel, tag and agent — as cards, charts
 * with a data table each, tables, and two CSV exports. The figures come from `buildReport`
 * (src/domain/report.ts); this page only fetches the cases, picks the period and shows the result.
 *
 *   period chooser ──▶ cases/range ──▶ filter by channel ──▶ buildReport ──▶ cards, charts, tables, CSV
 *   settings/get (office calendar), tags/list ─┘        case/changed push ──▶ fetch again
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Case } from '../domain/case';
import { isEstimatedTime } from '../domain/post-ref';
import { DEFAULT_TAGS } from '../domain/default-tags';
import { DEFAULT_CALENDAR, officeMsBetween, type OfficeCalendar } from '../domain/office-hours';
import { buildReport, UNTAGGED, type Report, type ReportOptions } from '../domain/report';
import { casesCsv, figuresCsv, type ReportLabels } from '../exports/report-csv';
import { siteLabel, type Site } from '../domain/site';
import type { Tag } from '../domain/tag';
import { download } from '../ui/download';
import { casesInPeriod, intakeSeenIn, listTags, followOfficeCalendar, onReportPushes } from './data';
import { FiguresTable, type FiguresRow } from './figures-table';
import { formatCases, formatLongDate } from './format';
import { HeatMap } from './heat-map';
import { Headline } from './headline';
import { Coverage } from './coverage';
import { t } from '../ui/i18n';
import { PerDayChart } from './per-day-chart';
import { PeriodChooser, type Choice } from './period-chooser';
import { localDateOf, MAX_DAYS, periodOf, presetRange, rangeProblem, type DateRange, type Preset } from './period';
import { TagChart, type TagBar } from './tag-chart';

/** Hooks for tests, unit and end-to-end: one per chart, table and button. */
export const TEST_IDS = {
  headline: 'headline',
  estimateNote: 'estimate-note',
  empty: 'report-empty',
  status: 'report-status',
  chartPerDay: 'chart-per-day',
  chartTags: 'chart-tags',
  chartHeatmap: 'chart-heatmap',
  tablePerDay: 'table-per-day',
  tableTagChart: 'table-tag-chart',
  tableHeatmap: 'table-heatmap',
  tableSite: 'table-site',
  tableTag: 'table-tag',
  tableAgent: 'table-agent',
  exportFigures: 'export-figures',
  exportCases: 'export-cases',
  period: 'period',
  periodPreset: 'period-preset',
  periodFrom: 'period-from',
  periodTo: 'period-to',
  periodSite: 'period-site',
} as const;

const SERVICE_GROUP = 'Dienstverlening';
const DEFAULT_PRESET: Preset = 'last30';
/** Pushes come in bursts (a bulk edit changes many cases): fetch once they settle. */
const RELOAD_DELAY_MS = 400;
const PROBLEM_ID = 'period-problem';

type Data =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  /** `key` says which period the cases are for; `at` is when they were fetched (the report's "now"). */
  | { kind: 'ready'; key: string; cases: Case[]; at: number };

const CSV_TYPE = 'text/csv;charset=utf-8';

/** The names the page and the figures export give to sites, tags and agents. */
export function reportLabels(tags: readonly Tag[]): Required<ReportLabels> {
  const byId = new Map(tags.map((tag) => [tag.id, tag]));
  return {
    site: (site) => siteLabel(site),
    tag: (id) => (id === UNTAGGED ? t('reportUntagged') : (byId.get(id)?.label ?? id)),
    agent: (assignee) => assignee || t('reportUnassigned'),
  };
}

/** loket-rapport-2026-01-05-2026-01-11.csv; with "-zaken" for the cases and the channel when one is chosen. */
export function exportFileName(kind: 'figures' | 'cases', range: DateRange, site: Site | 'all'): string {
  return `loket-rapport${kind === 'cases' ? '-zaken' : ''}-${range.from}-${range.to}${site === 'all' ? '' : `-${site}`}.csv`;
}

export function serviceTagIds(tags: readonly Tag[]): Set<string> {
  return new Set(tags.filter((tag) => tag.group === SERVICE_GROUP).map((tag) => tag.id));
}

export function ReportsApp() {
  const [calendar, setCalendar] = useState<OfficeCalendar | undefined>(undefined);
  const [tags, setTags] = useState<Tag[]>(DEFAULT_TAGS);
  const [preset, setPreset] = useState<Preset | 'custom'>(DEFAULT_PRESET);
  const [custom, setCustom] = useState<DateRange | undefined>(undefined);
  const [site, setSite] = useState<Site | 'all'>('all');
  const [data, setData] = useState<Data>({ kind: 'loading' });
  const [version, setVersion] = useState(0);
  const [intakeSeen, setIntakeSeen] = useState<number | null>(null);

  useEffect(() => {
    const lifetime = new AbortController();
    // Every settings save is pushed; the page redraws only when the office hours themselves changed.
    const calendarChanged = (cal: OfficeCalendar) => setCalendar((old) => (old && JSON.stringify(old) === JSON.stringify(cal) ? old : cal));
    void followOfficeCalendar(lifetime.signal, calendarChanged).then(setCalendar, () => setCalendar(DEFAULT_CALENDAR));
    void listTags().then(setTags, () => undefined);
    let timer: ReturnType<typeof setTimeout> | undefined;
    onReportPushes(
      {
        casesChanged() {
          clearTimeout(timer);
          timer = setTimeout(() => setVersion((v) => v + 1), RELOAD_DELAY_MS);
        },
      },
      lifetime.signal,
    );
    lifetime.signal.addEventListener('abort', () => clearTimeout(timer));
    return () => lifetime.abort();
  }, []);

  const timeZone = (calendar ?? DEFAULT_CALENDAR).timeZone;
  const today = localDateOf(Date.now(), timeZone);
  const range = preset === 'custom' && custom ? custom : presetRange(preset === 'custom' ? DEFAULT_PRESET : preset, today);
  const problem = rangeProblem(range);
  const period = problem === null ? periodOf(range, timeZone) : undefined;
  const periodKey = period ? `${period.from}-${period.to}` : '';

  useEffect(() => {
    if (!calendar || !period) return;
    let current = true;
    setData((d) => (d.kind === 'ready' && d.key === periodKey ? d : { kind: 'loading' }));
    casesInPeriod(period).then(
      (cases) => current && setData({ kind: 'ready', key: periodKey, cases, at: Date.now() }),
      (e: unknown) => current && setData({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
    // period is fetched again when its key changes, not when a new but equal object is made.
  }, [calendar, periodKey, version]);

  useEffect(() => {
    if (!period) return;
    let current = true;
    void intakeSeenIn(period, site).then((n) => current && setIntakeSeen(n));
    return () => {
      current = false;
    };
  }, [periodKey, site, version]);

  const cases = useMemo(
    () => (data.kind === 'ready' ? (site === 'all' ? data.cases : data.cases.filter((c) => c.site === site)) : []),
    [data, site],
  );
  // period and timeZone follow from periodKey and calendar.
  const options = useMemo<ReportOptions | undefined>(() => {
    if (data.kind !== 'ready' || data.key !== periodKey || !calendar || !period) return undefined;
    return {
      period,
      officeMs: (from, to) => officeMsBetween(from, to, calendar),
      timeZone: calendar.timeZone,
      serviceTagIds: serviceTagIds(tags),
      now: data.at,
      ...(intakeSeen === null ? {} : { intakeSeen }),
    };
  }, [data, periodKey, calendar, tags, intakeSeen]);
  const report = useMemo(() => (options ? buildReport(cases, options) : undefined), [cases, options]);
  const labels = useMemo(() => reportLabels(tags), [tags]);

  const choice: Choice = { preset, range, site };
  const status =
    problem !== null
      ? ''
      : !options
        ? data.kind === 'error'
          ? ''
          : t('popupLoading')
        : t('reportStatus', formatLongDate(range.from), formatLongDate(range.to), formatCases(report?.total.cases ?? 0));

  return (
    <main class="reports-page">
      <h1>{t('reportTitle')}</h1>
      <p class="intro muted">{t('reportIntro')}</p>
      <PeriodChooser
        choice={choice}
        onPreset={(p) => {
          if (p === 'custom') setCustom(range);
          setPreset(p);
        }}
        onRange={(r) => {
          setCustom(r);
          setPreset('custom');
        }}
        onSite={setSite}
        problemId={problem === null ? undefined : PROBLEM_ID}
      />
      {problem !== null && (
        <p role="alert" class="error" id={PROBLEM_ID}>
          {problem === 'reversed' ? t('reportProblemReversed') : problem === 'tooLong' ? t('reportProblemTooLong', String(MAX_DAYS)) : t('reportProblemInvalid')}
        </p>
      )}
      <p role="status" class="report-status" data-testid={TEST_IDS.status}>
        {status}
      </p>
      {data.kind === 'error' && (
        <p role="alert" class="error">
          {t('errorPrefix', data.message)}
        </p>
      )}
      {problem === null && report && options && (report.total.cases === 0 ? <Empty /> : <ReportView report={report} cases={cases} options={options} tags={tags} labels={labels} range={range} site={site} />)}
    </main>
  );
}

function Empty() {
  return (
    <div class="empty" data-testid={TEST_IDS.empty}>
      <p class="empty-title">{t('reportEmpty')}</p>
      <p class="muted">{t('reportEmptyHint')}</p>
    </div>
  );
}

interface ViewProps {
  report: Report;
  cases: Case[];
  options: ReportOptions;
  tags: Tag[];
  labels: Required<ReportLabels>;
  range: DateRange;
  site: Site | 'all';
}

function ReportView({ report, cases, options, tags, labels, range, site }: ViewProps) {
  const tagColors = new Map(tags.map((tag) => [tag.id, tag.color]));
  const bars: TagBar[] = report.byTag.map(({ key, figures }) => ({ key, label: labels.tag(key), color: tagColors.get(key), cases: figures.cases }));
  const estimatedDates = new Set(cases.filter((c) => isEstimatedTime(c.postedAtSource) && c.postedAt >= options.period.from && c.postedAt < options.period.to).map((c) => localDateOf(c.postedAt, options.timeZone)));
  const rows = <K extends string>(groups: Array<{ key: K; figures: Report['total'] }>, label: (key: K) => string): FiguresRow[] =>
    groups.map(({ key, figures }) => ({ key, label: label(key), figures }));

  return (
    <>
      <section aria-labelledby="h-headline">
        <h2 id="h-headline">{t('reportHeadlineHeading')}</h2>
        <Headline figures={report.total} />
      </section>
      <section aria-labelledby="h-coverage">
        <h2 id="h-coverage">{t('reportCoverageHeading')}</h2>
        <Coverage figures={report.total} intakeSeen={report.intakeSeen} />
      </section>
      <section aria-labelledby="h-per-day">
        <h2 id="h-per-day">{t('reportPerDayTitle')}</h2>
        <p class="muted">{t('reportPerDayIntro')}</p>
        <PerDayChart days={report.perDay} estimatedDates={estimatedDates} />
      </section>
      <section aria-labelledby="h-tags">
        <h2 id="h-tags">{t('reportTagsTitle')}</h2>
        <TagChart bars={bars} totalCases={report.total.cases} />
      </section>
      <section aria-labelledby="h-heat">
        <h2 id="h-heat">{t('reportHeatTitle')}</h2>
        <p class="muted">{t('reportHeatIntro', options.timeZone)}</p>
        <HeatMap grid={report.heatMap} />
      </section>
      <section aria-labelledby="h-tables" class="tables">
        <h2 id="h-tables">{t('reportTablesHeading')}</h2>
        <p class="muted">{t('reportTablesIntro')}</p>
        <FiguresTable caption={t('reportTableSite')} keyHeader="filterSite" rows={rows(report.bySite, labels.site)} testId={TEST_IDS.tableSite} />
        <FiguresTable caption={t('reportTableTag')} keyHeader="reportColTag" rows={rows(report.byTag, labels.tag)} testId={TEST_IDS.tableTag} />
        <FiguresTable caption={t('reportTableAgent')} keyHeader="reportColAgent" rows={rows(report.byAgent, labels.agent)} testId={TEST_IDS.tableAgent} />
      </section>
      <section aria-labelledby="h-export" class="export">
        <h2 id="h-export">{t('reportExportHeading')}</h2>
        <p class="muted">{t('reportExportIntro')}</p>
        <div class="export-buttons">
          <button
            type="button"
            data-testid={TEST_IDS.exportFigures}
            onClick={() => download(exportFileName('figures', range, site), CSV_TYPE, figuresCsv(report, labels))}
          >
            {t('reportExportFigures')}
          </button>
          <button type="button" data-testid={TEST_IDS.exportCases} onClick={() => download(exportFileName('cases', range, site), CSV_TYPE, casesCsv(cases, options))}>
            {t('reportExportCases')}
          </button>
        </div>
      </section>
    </>
  );
}
