import { describe, expect, it } from 'vitest';
import { accessExportHtml, accessExportJson } from '../../src/exports/access-export';
import { describeEvent } from '../../src/exports/event-description';
import { escapeHtml, httpsHref } from '../../src/exports/html-document';
import type { Case } from '../../src/domain/case';
import type { CaseEvent } from '../../src/domain/case-event';
import { caseIdFor } from '../../src/domain/case-id';
import { DEFAULT_TAGS } from '../../src/domain/default-tags';

const T0 = Date.UTC(2026, 10, 26, 9, 0);
const DAY = 24 * 60 * 60_000;
const HOSTILE = `<img src=x onerror=alert(1)> "quoted" 'single' & </section><script>alert(2)</script>`;

const onX: Case = {
  id: caseIdFor('x', '101'),
  site: 'x',
  url: 'https://x.com/josevd/status/101',
  author: { name: 'José van Dijk', handle: '@josevd', profileUrl: 'https://x.com/josevd' },
  text: 'Container niet geleegd\nDorpsstraat 1',
  postedAt: T0,
  postedAtSource: 'page',
  status: 'handed_over',
  tags: ['afval', 'klacht'],
  firstResponseAt: T0 + 30 * 60_000,
  handover: { category: 'Afval', note: 'Graag terugbellen', at: T0 + 40 * 60_000, agent: 'Anna' },
  createdAt: T0,
  updatedAt: T0 + 40 * 60_000,
};

const hostile: Case = {
  id: caseIdFor('facebook', '202', '303'),
  site: 'facebook',
  url: 'javascript:alert(document.cookie)',
  author: { name: `José ${HOSTILE}`, profileUrl: 'javascript:alert(3)' },
  text: HOSTILE,
  postedAt: T0 - 60_000,
  postedAtSource: 'first-seen',
  status: 'new',
  tags: ['"><b>tag</b>'],
  handover: { category: HOSTILE, note: `" onmouseover="alert(4)`, at: T0, agent: '<i>agent</i>' },
  createdAt: T0,
  updatedAt: T0,
};

const events: CaseEvent[] = [
  { seq: 1, caseId: onX.id, at: T0, actor: 'Anna', kind: 'created' },
  { seq: 2, caseId: onX.id, at: T0 + 30 * 60_000, actor: 'Anna', kind: 'changed', field: 'firstResponseAt', before: null, after: T0 + 30 * 60_000 },
  { seq: 3, caseId: onX.id, at: T0 + 40 * 60_000, actor: 'Anna', kind: 'changed', field: 'status', before: 'new', after: 'handed_over' },
  { seq: 4, caseId: hostile.id, at: T0, actor: '<b>Bram</b>', kind: 'note', after: HOSTILE },
  { seq: 5, caseId: caseIdFor('x', '999'), at: T0, actor: 'Anna', kind: 'note', after: 'Over iemand anders' },
];

describe('accessExportJson', () => {
  it('has a header and every case with its own history, oldest post first', () => {
    const data = JSON.parse(accessExportJson('José van Dijk', [onX, hostile], events, T0 + DAY, { tags: DEFAULT_TAGS }));
    expect(data).toMatchObject({
      format: 'loket-access-export/1',
      generatedAt: new Date(T0 + DAY).toISOString(),
      query: 'José van Dijk',
      counts: { cases: 2, events: 4, perSite: { x: { cases: 1, events: 3 }, facebook: { cases: 1, events: 1 } } },
    });
    expect(data.cases.map((c: { id: string }) => c.id)).toEqual([hostile.id, onX.id]);
    const x = data.cases[1];
    expect(x).toMatchObject({ url: onX.url, text: onX.text, status: 'handed_over', tags: ['Afval', 'Klacht'], handover: { category: 'Afval', note: 'Graag terugbellen' } });
    expect(x.history.map((e: { description: string }) => e.description)).toEqual(['zaak gemaakt', 'eerste antwoord gegeven', 'status: Nieuw → Doorgezet naar KCC']);
    expect(JSON.stringify(data)).not.toContain('Over iemand anders');
  });
});

describe('accessExportHtml', () => {
  const html = accessExportHtml(`José <script>`, [onX, hostile], events, T0 + DAY, { tags: DEFAULT_TAGS });

  it('is a complete Dutch document without scripts or outside resources', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="nl">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'`);
    expect(html).toContain('<style>');
    expect(html).toContain('@media print');
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<[^>]*\bsrc=|<[^>]*\bon[a-z]+=|@import|url\(/i);
  });

  it('escapes everything from the data', () => {
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<i>agent');
    expect(html).not.toContain('" onmouseover="');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot; &#39;single&#39; &amp; &lt;/section&gt;');
    expect(html).toContain('<title>Inzageverzoek: José &lt;script&gt;</title>');
    // Every tag left in the document is one of ours.
    const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/gi)].map((m) => m[1]!.toLowerCase()));
    expect([...tags].sort()).toEqual(['a', 'body', 'br', 'dd', 'dl', 'dt', 'h1', 'h2', 'h3', 'head', 'header', 'html', 'li', 'main', 'meta', 'ol', 'p', 'section', 'style', 'time', 'title']);
  });

  it('links https URLs only', () => {
    expect(html).toContain('<a href="https://x.com/josevd/status/101" rel="noopener noreferrer">https://x.com/josevd/status/101</a>');
    expect(html).not.toMatch(/href="(?!https:)/);
    expect(html).toContain('javascript:alert(document.cookie)');
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['https://x.com/josevd/status/101', 'https://x.com/josevd']);
  });

  it('lists site, link, time, text, status, tags, handover and history in Dutch', () => {
    for (const text of ['Bericht 1: Facebook', 'Bericht 2: X', 'Kanaal', 'Geplaatst op', 'Status', 'Doorgezet naar KCC', 'Afval, Klacht', 'Graag terugbellen', 'Geschiedenis', 'eerste antwoord gegeven', '(geschat', 'Container niet geleegd\nDorpsstraat 1']) {
      expect(html).toContain(text);
    }
    expect(html).toContain(`<time datetime="${new Date(T0).toISOString()}">26 nov 2026, 10:00</time>`);
    expect(html).not.toContain('Over iemand anders');
  });

  it('says so when nothing was found', () => {
    expect(accessExportHtml('Niemand', [], events, T0)).toContain('Er zijn geen berichten over deze persoon gevonden.');
  });
});

describe('html helpers', () => {
  it.each([
    ['https://x.com/a', 'https://x.com/a'],
    ['javascript:alert(1)', undefined],
    ['JaVaScRiPt:alert(1)', undefined],
    [' javascript:alert(1)', undefined],
    ['data:text/html,<script>', undefined],
    ['http://x.com/a', undefined],
    ['/relative', undefined],
    ['https://x.com/"onmouseover=', 'https://x.com/%22onmouseover='],
  ])('httpsHref(%j)', (url, href) => {
    expect(httpsHref(url)).toBe(href);
  });

  it('escapes the five characters that matter', () => {
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
    expect(escapeHtml(undefined)).toBe('');
  });

  it('describes an event with an odd payload without throwing', () => {
    expect(describeEvent({ caseId: onX.id, at: T0, actor: '', kind: 'changed', field: 'handover', after: {} })).toBe('doorgezet naar KCC (): ');
    // No handover after the change: it was taken back (a template's actions undone).
    expect(describeEvent({ caseId: onX.id, at: T0, actor: '', kind: 'changed', field: 'handover', after: null })).toBe('overdracht aan KCC ongedaan gemaakt');
    const handover = { category: 'Afval', note: 'n', at: 1, agent: 'A' };
    expect(describeEvent({ caseId: onX.id, at: T0, actor: '', kind: 'changed', field: 'handover', before: handover, after: { ...handover, exports: [{ at: 2, via: 'csv', by: 'A' }] } })).toBe('overdracht geëxporteerd (CSV)');
    expect(describeEvent({ caseId: onX.id, at: T0, actor: '', kind: 'changed', field: 'kcc', after: { state: 'answered', answer: 'Klaar', by: 'K', at: 3 } })).toBe('KCC: beantwoord — Klaar');
    expect(describeEvent({ caseId: onX.id, at: T0, actor: '', kind: 'changed', field: 'tags', after: 'x' })).toBe('labels: —');
  });
});
