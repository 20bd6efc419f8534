import { describe, expect, it } from 'vitest';
import { DEFAULT_TAGS } from '../../src/domain/default-tags';
import { buildReport, UNTAGGED } from '../../src/domain/report';
import { casesCsv, CASES_CSV_COLUMNS, figuresCsv, FIGURES_CSV_COLUMNS } from '../../src/exports/report-csv';
import { at, mk } from '../support/report-cases';
import { CASES, options } from '../support/report-week';

describe('CSV exports', () => {
  const report = buildReport(CASES, options());
  const lines = (csv: string) => csv.slice(1).split('\r\n').slice(0, -1);

  it('writes the figures with a BOM, a header and one row per dimension and key', () => {
    const csv = figuresCsv(report, { tag: (id) => DEFAULT_TAGS.find((t) => t.id === id)?.label ?? 'Zonder tag', agent: (a) => a || 'Niet toegewezen' });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = lines(csv);
    expect(header).toBe(FIGURES_CSV_COLUMNS.join(','));
    expect(header).toBe(
      'dimension,key,label,cases,answered,response_rate_pct,median_first_response_office_min,p90_first_response_office_min,within_sla,within_sla_pct,service_share_pct,open_handovers,overdue,estimated',
    );
    expect(rows).toHaveLength(1 + report.bySite.length + report.byTag.length + report.byAgent.length);
    expect(rows[0]).toBe('total,,,10,7,70.0,30.0,240.0,4,66.7,70.0,2,2,2');
    expect(rows[1]).toBe('site,x,X,6,5,83.3,20.0,45.0,4,100.0,50.0,0,0,2');
    expect(rows).toContain(`tag,${UNTAGGED},Zonder tag,2,1,50.0,45.0,45.0,1,100.0,0.0,0,0,2`);
    expect(rows).toContain('agent,,Niet toegewezen,2,0,0.0,,,0,,50.0,1,1,1');
    expect(rows.every((r) => r.split(',').length === FIGURES_CSV_COLUMNS.length)).toBe(true);
  });

  it('neutralises formula-looking keys and labels', () => {
    const evil = buildReport([mk({ id: 'x:1', posted: '2026-01-06T10:00:00Z', assignee: '=HYPERLINK("https://evil.example")', tags: ['+1'] })], options());
    const csv = figuresCsv(evil, { tag: () => '@SUM(A1)' });
    expect(csv).toContain(`agent,"'=HYPERLINK(""https://evil.example"")"`);
    expect(csv).toContain("tag,'+1,'@SUM(A1),");
    expect(csv).not.toMatch(/,[=+@-]/);
  });

  it('writes the cases without citizen text or author names', () => {
    const csv = casesCsv(CASES, options());
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = lines(csv);
    expect(header).toBe('id,site,url,posted_at,posted_at_estimated,status,tags,assignee,first_response_at,first_response_office_min,due_at,within_sla');
    expect(header).toBe(CASES_CSV_COLUMNS.join(','));
    expect(rows).toHaveLength(10);
    expect(csv).not.toMatch(/Jan Jansen|janjansen|container/);
    expect(header).not.toMatch(/author|text|name/);
    expect(rows[0]).toBe('x:1,x,https://example.test/x:1,2026-01-05T08:00:00.000Z,no,closed,"afval; klacht",anna,2026-01-05T08:10:00.000Z,10.0,2026-01-05T09:00:00.000Z,yes');
    expect(rows[2]).toBe('fb:3,facebook,https://example.test/fb:3,2026-01-05T10:00:00.000Z,no,closed,parkeren,bert,2026-01-05T11:30:00.000Z,90.0,2026-01-05T11:00:00.000Z,no');
    // Unanswered or without a due time: within_sla is blank.
    expect(rows[4]).toBe('fb:5,facebook,https://example.test/fb:5,2026-01-06T13:00:00.000Z,no,handed_over,wmo-zorg,,,,2026-01-06T14:00:00.000Z,');
    expect(rows[8]).toBe('x:9,x,https://example.test/x:9,2026-01-09T11:00:00.000Z,yes,new,,,,,,');
    expect(rows.map((r) => r.split(',')[0])).not.toContain('x:11');
  });

  it('neutralises formula-looking values in the cases export', () => {
    const c = { ...mk({ id: 'x:1', posted: '2026-01-06T10:00:00Z', assignee: '-2+3', tags: ['=cmd'] }), url: '=HYPERLINK("x")' };
    const csv = casesCsv([c], options());
    expect(csv).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(csv).toContain(",'=cmd,'-2+3,");
  });

  it('never writes a negative response time (a first-seen time can be after the reply)', () => {
    const c = { ...mk({ id: 'x:1', posted: '2026-01-06T10:00:00Z', estimated: true }), firstResponseAt: at('2026-01-06T09:50:00Z') };
    expect(casesCsv([c], options())).toContain(',0.0,');
  });
});
