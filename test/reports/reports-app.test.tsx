import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TAGS } from '../../src/domain/default-tags';
import { DEFAULT_CALENDAR, officeMsBetween } from '../../src/domain/office-hours';
import { buildReport, type ReportOptions } from '../../src/domain/report';
import { casesCsv, figuresCsv } from '../../src/exports/report-csv';
import { FIGURE_COLUMNS } from '../../src/reports/figures-table';
import { periodOf } from '../../src/reports/period';
import { reportLabels, serviceTagIds, TEST_IDS } from '../../src/reports/reports-app';
import { deliver, sent } from '../support/fake-browser';
import { at, byTestId, change, fakeBackground, mk, mountReports, NOW, shownText, unmount, until, WEEK_CASES } from './support';

const downloads = vi.hoisted(() => [] as Array<{ name: string; type: string; text: string }>);
vi.mock('../../src/ui/download', () => ({
  download: (name: string, type: string, text: string) => downloads.push({ name, type, text }),
  fileStamp: () => '2026-01-11',
}));

const LAST_7 = { from: '2026-01-05', to: '2026-01-11' };
const weekOptions = (): ReportOptions => ({
  period: periodOf(LAST_7, 'Europe/Amsterdam'),
  officeMs: (a, b) => officeMsBetween(a, b, DEFAULT_CALENDAR),
  timeZone: 'Europe/Amsterdam',
  serviceTagIds: serviceTagIds(DEFAULT_TAGS),
  now: NOW,
});

let root: HTMLElement;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  downloads.length = 0;
});
afterEach(() => {
  if (root) unmount(root);
  vi.useRealTimers();
});

/** Mounts the page and picks "last 7 days": the hand-made week. */
async function openWeek(): Promise<HTMLElement> {
  root = mountReports();
  await until(() => byTestId(root, TEST_IDS.headline));
  change(byTestId(root, TEST_IDS.periodPreset) as HTMLSelectElement, 'last7');
  await until(() => byTestId(root, TEST_IDS.chartPerDay)!.querySelectorAll('g.day').length === 7);
  return root;
}

const card = (r: HTMLElement, figure: string) => shownText(r.querySelector(`[data-figure="${figure}"] .value`)!);

describe('the reports page', () => {
  it('asks the background for the cases of the last 30 days at first', async () => {
    fakeBackground();
    root = mountReports();
    await until(() => byTestId(root, TEST_IDS.headline));
    const request = sent.map((m) => m as { name: string; payload: unknown }).find((m) => m.name === 'cases/range');
    // 13 December 2025 00:00 up to 12 January 2026 00:00, Amsterdam time.
    expect(request?.payload).toEqual({ from: at('2025-12-12T23:00:00Z'), to: at('2026-01-11T23:00:00Z') });
    expect(byTestId(root, TEST_IDS.chartPerDay)!.querySelectorAll('g.day')).toHaveLength(30);
    expect(root.querySelector('h1')!.textContent).toBe('Rapportage webcare');
  });

  it('shows the headline figures, formatted, with estimates marked', async () => {
    fakeBackground();
    await openWeek();
    expect(card(root, 'cases')).toBe('5');
    expect(card(root, 'response-rate')).toBe('80%');
    // Office minutes 5, 10, 15, 90: median 12.5 → 13 min; p90 (nearest rank) 90 min. x:4 was first seen.
    expect(card(root, 'median')).toBe('≈ 13 min');
    expect(card(root, 'p90')).toBe('≈ 1 u 30 min');
    expect(card(root, 'within-sla')).toBe('≈ 75%');
    expect(card(root, 'overdue')).toBe('≈ 1');
    expect(card(root, 'service-share')).toBe('80%');
    expect(card(root, 'open-handovers')).toBe('1');
    const note = byTestId(root, TEST_IDS.estimateNote)!;
    expect(note.textContent).toContain('Bij 1 van de 5 zaken is de plaatsingstijd geschat');
    expect(root.querySelector('[data-figure="median"] .value')!.getAttribute('aria-describedby')).toBe(note.id);
    // A screen reader hears "geschat:" instead of the sign.
    expect(root.querySelector('[data-figure="median"] .value')!.textContent).toContain('geschat:');
    expect(byTestId(root, TEST_IDS.status)!.textContent).toBe('Rapport over ma 5 jan 2026 tot en met zo 11 jan 2026: 5 zaken.');
  });

  it('marks nothing as estimated when every posted time came from the page', async () => {
    fakeBackground({ cases: WEEK_CASES.filter((c) => c.postedAtSource === 'page') });
    root = mountReports();
    await until(() => byTestId(root, TEST_IDS.headline));
    expect(byTestId(root, TEST_IDS.estimateNote)).toBeNull();
    expect(root.textContent).not.toContain('≈');
  });

  it('draws one bar per day, with the median and the count of each day', async () => {
    fakeBackground();
    await openWeek();
    const chart = byTestId(root, TEST_IDS.chartPerDay)!;
    const svg = chart.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toContain('van ma 5 jan 2026 tot en met zo 11 jan 2026');
    expect(svg.getAttribute('aria-label')).toContain('Langzaamst: ma 5 jan 2026 (50 min).');
    const days = [...chart.querySelectorAll('g.day')];
    expect(days.map((d) => d.getAttribute('data-date'))).toEqual(['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-10', '2026-01-11']);
    expect(days.every((d) => d.querySelectorAll('rect.bar-median').length === 1 && d.querySelectorAll('rect.bar-cases').length === 1)).toBe(true);
    // Monday: answers after 10 and 90 minutes → median 50; the tallest median bar.
    const height = (d: Element, cls: string) => Number(d.querySelector(`rect.${cls}`)!.getAttribute('height'));
    expect(height(days[0]!, 'bar-median')).toBeGreaterThan(height(days[4]!, 'bar-median'));
    expect(height(days[5]!, 'bar-median')).toBe(0);
    expect(days[0]!.querySelector('title')!.textContent).toBe('ma 5 jan 2026: eerste reactie 50 min (mediaan), 2 zaken');
    expect(days[1]!.querySelector('title')!.textContent).toBe('di 6 jan 2026: eerste reactie geen antwoorden (mediaan), 1 zaak');
    // The data table beneath says the same; Wednesday's median rests on a first-seen time.
    const rows = [...byTestId(root, TEST_IDS.tablePerDay)!.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(7);
    expect([...rows[0]!.children].map(shownText)).toEqual(['ma 5 jan 2026', '2', '2', '50 min']);
    expect([...rows[1]!.children].map(shownText)).toEqual(['di 6 jan 2026', '1', '0', '–']);
    expect([...rows[2]!.children].map(shownText)).toEqual(['wo 7 jan 2026', '1', '1', '≈ 15 min']);
  });

  it('draws cases per tag with label and count beside the colour', async () => {
    fakeBackground();
    await openWeek();
    const chart = byTestId(root, TEST_IDS.chartTags)!;
    const rows = [...chart.querySelectorAll('g.tag-row')];
    expect(rows.map((r) => r.getAttribute('data-tag'))).toEqual(['afval', 'klacht', 'parkeren', 'untagged', 'wmo-zorg']);
    expect(rows.map((r) => r.querySelector('.bar-label')!.textContent)).toEqual(['Afval', 'Klacht', 'Parkeren', 'Zonder label', 'WMO/zorg']);
    expect(rows.map((r) => r.querySelector('.bar-value')!.textContent)).toEqual(['2', '1', '1', '1', '1']);
    expect((rows[0]!.querySelector('.bar-tag') as SVGElement).style.fill).toBeTruthy();
    expect(chart.querySelector('svg')!.getAttribute('aria-label')).toBe(
      'Staafdiagram van het aantal zaken per label. Labels: 5. Zaken: 5. Meeste zaken: Afval: 2 zaken; Klacht: 1 zaak; Parkeren: 1 zaak.',
    );
    const table = byTestId(root, TEST_IDS.tableTagChart)!;
    expect([...table.querySelector('tbody tr')!.children].map(shownText)).toEqual(['Afval', '2', '40%']);
  });

  it('draws a 7 × 24 heat map, Monday first, with counts in tooltips and a legend', async () => {
    fakeBackground();
    await openWeek();
    const chart = byTestId(root, TEST_IDS.chartHeatmap)!;
    const svg = chart.querySelector('svg[role="img"]')!;
    const cells = svg.querySelectorAll('rect.cell');
    expect(cells).toHaveLength(168);
    expect([...svg.querySelectorAll('g.weekday > text')].map((t) => t.textContent)).toEqual(['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo']);
    const monday9 = svg.querySelector('rect[data-weekday="0"][data-hour="9"]')!;
    expect(monday9.getAttribute('data-count')).toBe('1');
    expect(monday9.querySelector('title')!.textContent).toBe('maandag 09:00–10:00: 1 zaak');
    expect(monday9.getAttribute('class')).toBe('cell level-4');
    expect(svg.querySelector('rect[data-weekday="6"][data-hour="3"]')!.getAttribute('class')).toBe('cell level-0');
    expect(svg.getAttribute('aria-label')).toContain('Drukste dag: maandag (2 zaken).');
    expect(byTestId(root, 'heatmap-legend')!.textContent).toContain('0');
    const table = byTestId(root, TEST_IDS.tableHeatmap)!;
    expect(table.querySelectorAll('tbody tr')).toHaveLength(7);
    expect(table.querySelectorAll('thead th[scope="col"]')).toHaveLength(25);
    const monday = [...table.querySelectorAll('tbody tr')[0]!.querySelectorAll('td')].map((td) => td.textContent);
    expect(monday[9]).toBe('1');
    expect(monday[11]).toBe('1');
    expect(monday.filter((n) => n !== '0')).toHaveLength(2);
  });

  it('shows tables per site, tag and agent that match the figures', async () => {
    fakeBackground();
    await openWeek();
    const report = buildReport(WEEK_CASES, weekOptions());
    const labels = reportLabels(DEFAULT_TAGS);
    const check = (testId: string, groups: Array<{ key: string; figures: (typeof report)['total'] }>, label: (k: string) => string) => {
      const table = byTestId(root, testId)!;
      expect(table.querySelector('caption')!.textContent).toBeTruthy();
      expect(table.querySelectorAll('thead th[scope="col"]')).toHaveLength(FIGURE_COLUMNS.length + 1);
      const rows = [...table.querySelectorAll('tbody tr')];
      expect(rows.map((r) => r.getAttribute('data-key'))).toEqual(groups.map((g) => g.key));
      rows.forEach((row, i) => {
        const { figures, key } = groups[i]!;
        const expected = [
          label(key),
          ...FIGURE_COLUMNS.map((c) => {
            const { text, timed } = c.cell(figures);
            return text === null ? '–' : `${timed && figures.estimated > 0 ? '≈ ' : ''}${text}`;
          }),
        ];
        expect([...row.children].map(shownText), `${testId} ${key}`).toEqual(expected);
        expect(row.firstElementChild!.getAttribute('scope')).toBe('row');
      });
    };
    check(TEST_IDS.tableSite, report.bySite, labels.site as (k: string) => string);
    check(TEST_IDS.tableTag, report.byTag, labels.tag);
    check(TEST_IDS.tableAgent, report.byAgent, labels.agent);
    // Spot checks in words: X has 4 cases, 3 answered; the unassigned row has no answers.
    const x = byTestId(root, TEST_IDS.tableSite)!.querySelector('tr[data-key="x"]')!;
    expect([...x.children].slice(0, 4).map(shownText)).toEqual(['X', '4', '3', '75%']);
    const nobody = byTestId(root, TEST_IDS.tableAgent)!.querySelector('tr[data-key=""]')!;
    expect(shownText(nobody.firstElementChild!)).toBe('Niet toegewezen');
    expect(shownText(nobody.querySelector('[data-column="median"]')!)).toBe('–');
    expect(nobody.querySelector('[data-column="median"]')!.textContent).toContain('geen');
  });

  it('exports the same figures rows as figuresCsv, and the cases behind them', async () => {
    fakeBackground();
    await openWeek();
    (byTestId(root, TEST_IDS.exportFigures) as HTMLButtonElement).click();
    (byTestId(root, TEST_IDS.exportCases) as HTMLButtonElement).click();
    expect(downloads).toHaveLength(2);
    const [figures, cases] = downloads;
    const report = buildReport(WEEK_CASES, weekOptions());
    expect(figures!.name).toBe('loket-rapport-2026-01-05-2026-01-11.csv');
    expect(figures!.type).toBe('text/csv;charset=utf-8');
    expect(figures!.text).toBe(figuresCsv(report, reportLabels(DEFAULT_TAGS)));
    expect(figures!.text.split('\r\n')[1]).toBe('total,,,5,4,80.0,12.5,90.0,3,75.0,80.0,1,1,1');
    expect(figures!.text).toContain('tag,untagged,Zonder label,1,');
    expect(cases!.name).toBe('loket-rapport-zaken-2026-01-05-2026-01-11.csv');
    expect(cases!.text).toBe(casesCsv(WEEK_CASES, weekOptions()));
    expect(cases!.text.split('\r\n').filter(Boolean)).toHaveLength(6);
  });

  it('filters by channel, in the figures and the exports', async () => {
    fakeBackground();
    await openWeek();
    change(byTestId(root, TEST_IDS.periodSite) as HTMLSelectElement, 'facebook');
    await until(() => card(root, 'cases') === '1');
    expect(byTestId(root, TEST_IDS.tableSite)!.querySelectorAll('tbody tr')).toHaveLength(1);
    (byTestId(root, TEST_IDS.exportCases) as HTMLButtonElement).click();
    expect(downloads[0]!.name).toBe('loket-rapport-zaken-2026-01-05-2026-01-11-facebook.csv');
    expect(downloads[0]!.text).toContain('fb:2');
    expect(downloads[0]!.text).not.toContain('x:1');
  });

  it('shows a clear message for a period without cases', async () => {
    fakeBackground({ cases: [] });
    root = mountReports();
    await until(() => byTestId(root, TEST_IDS.empty));
    expect(byTestId(root, TEST_IDS.empty)!.textContent).toContain('Geen zaken in deze periode.');
    for (const id of [TEST_IDS.headline, TEST_IDS.chartPerDay, TEST_IDS.tableSite, TEST_IDS.exportFigures]) expect(byTestId(root, id)).toBeNull();
    expect(byTestId(root, TEST_IDS.status)!.textContent).toContain(': 0 zaken.');
  });

  it('takes a custom period and refuses one that ends before it starts', async () => {
    fakeBackground();
    await openWeek();
    sent.length = 0;
    const from = byTestId(root, TEST_IDS.periodFrom) as HTMLInputElement;
    const to = byTestId(root, TEST_IDS.periodTo) as HTMLInputElement;
    expect([from.value, to.value]).toEqual(['2026-01-05', '2026-01-11']);
    change(from, '2026-01-06');
    await until(() => card(root, 'cases') === '3');
    expect((byTestId(root, TEST_IDS.periodPreset) as HTMLSelectElement).value).toBe('custom');
    expect(sent).toContainEqual(expect.objectContaining({ name: 'cases/range', payload: { from: at('2026-01-05T23:00:00Z'), to: at('2026-01-11T23:00:00Z') } }));
    sent.length = 0;
    change(to, '2026-01-01');
    await until(() => root.querySelector('[role="alert"]'));
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('De einddatum ligt voor de begindatum');
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(to.getAttribute('aria-describedby')).toBe(root.querySelector('[role="alert"]')!.id);
    expect(byTestId(root, TEST_IDS.headline)).toBeNull();
    expect(sent.filter((m) => (m as { name: string }).name === 'cases/range')).toHaveLength(0);
  });

  it('asks for the whole previous month in Amsterdam time', async () => {
    fakeBackground();
    await openWeek();
    sent.length = 0;
    change(byTestId(root, TEST_IDS.periodPreset) as HTMLSelectElement, 'previousMonth');
    await until(() => byTestId(root, TEST_IDS.empty));
    expect(sent).toContainEqual(expect.objectContaining({ name: 'cases/range', payload: { from: at('2025-11-30T23:00:00Z'), to: at('2025-12-31T23:00:00Z') } }));
  });

  it('reloads when a case changes', async () => {
    const bg = fakeBackground();
    await openWeek();
    const extra = mk({ id: 'x:6', posted: '2026-01-08T09:00:00Z', responseMin: 30, tags: ['vraag'] });
    bg.cases = [...WEEK_CASES, extra];
    deliver({ protocol: 'loket/1', push: 'case/changed', payload: { case: extra } });
    await until(() => card(root, 'cases') === '6');
  });

  it('uses the office calendar from the settings when there is one', async () => {
    // Open around the clock on every day: office time equals wall-clock time.
    const always = [{ start: '00:00', end: '24:00' }];
    const officeHours = { ...DEFAULT_CALENDAR, week: { 1: always, 2: always, 3: always, 4: always, 5: always, 6: always, 7: always } };
    fakeBackground({ settings: { agentName: '', initials: '', municipality: '', ownAccounts: '', officeHours } });
    await openWeek();
    // Office minutes now 5, 10, 45, 90: median 27.5 → 28 min.
    expect(card(root, 'median')).toBe('≈ 28 min');
  });

  it('counts again when the office hours change', async () => {
    const bg = fakeBackground();
    await openWeek();
    expect(card(root, 'median')).toBe('≈ 13 min');
    const always = [{ start: '00:00', end: '24:00' }];
    bg.settings = { ...bg.settings, officeHours: { ...DEFAULT_CALENDAR, week: { 1: always, 2: always, 3: always, 4: always, 5: always, 6: always, 7: always } } };
    // The push says only that the settings changed: the page asks for them again.
    deliver({ protocol: 'loket/1', push: 'settings/changed', payload: {} });
    await until(() => card(root, 'median') === '≈ 28 min');
  });

  it('says so when the background fails', async () => {
    fakeBackground({ failWith: 'database closed' });
    root = mountReports();
    await until(() => root.querySelector('[role="alert"]'));
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('Fout: database closed');
  });
});
