import { describe, expect, it } from 'vitest';
import { ARCHIVE_FORMAT, buildArchive, sha256Hex, verifyArchive } from '../../src/exports/archive';
import type { Case } from '../../src/domain/case';
import type { CaseEvent } from '../../src/domain/case-event';
import { caseIdFor } from '../../src/domain/case-id';

const NOV = { from: Date.UTC(2026, 9, 31, 23), to: Date.UTC(2026, 10, 30, 23) }; // November in Amsterdam
const T0 = Date.UTC(2026, 10, 26, 9, 0);
const NOW = Date.UTC(2026, 11, 2, 8, 0);
const HOSTILE = `<img src=x onerror=alert(1)> "quoted"`;

function aCase(id: Case['id'], postedAt: number, extra: Partial<Case> = {}): Case {
  return {
    id,
    site: id.startsWith('x:') ? 'x' : 'facebook',
    url: id.startsWith('x:') ? `https://x.com/jan/status/${id.slice(2)}` : 'https://www.facebook.com/gemeente/posts/1',
    author: { name: 'Jan Jansen', handle: '@jan' },
    text: 'Wanneer komt de vuilniswagen?',
    postedAt,
    postedAtSource: 'page',
    status: 'new',
    tags: [],
    createdAt: postedAt,
    updatedAt: postedAt,
    ...extra,
  };
}

const answered = aCase(caseIdFor('x', '1'), T0, {
  status: 'closed',
  firstResponseAt: T0 + 20 * 60_000,
  handover: { category: 'Afval', note: 'Route 4 gemist', at: T0 + 30 * 60_000, agent: 'Anna' },
  updatedAt: T0 + 60 * 60_000,
});
const sameTime = aCase(caseIdFor('x', '2'), T0);
const hostile = aCase(caseIdFor('facebook', '3', '4'), T0 - 60_000, { text: HOSTILE, url: 'javascript:alert(1)', author: { name: HOSTILE } });
const october = aCase(caseIdFor('x', '5'), NOV.from - 1);
const december = aCase(caseIdFor('x', '6'), NOV.to);

const events: CaseEvent[] = [
  { seq: 1, caseId: answered.id, at: T0, actor: 'Anna', kind: 'created' },
  { seq: 2, caseId: answered.id, at: T0 + 20 * 60_000, actor: 'Anna', kind: 'changed', field: 'firstResponseAt', before: null, after: T0 + 20 * 60_000 },
  { seq: 3, caseId: answered.id, at: T0 + 30 * 60_000, actor: 'Anna', kind: 'changed', field: 'status', before: 'new', after: 'handed_over' },
  { seq: 4, caseId: answered.id, at: T0 + 60 * 60_000, actor: 'Bram', kind: 'changed', field: 'status', before: 'handed_over', after: 'closed' },
  { seq: 5, caseId: answered.id, at: T0 + 61 * 60_000, actor: 'Bram', kind: 'note', after: 'Interne notitie' },
  { seq: 6, caseId: october.id, at: NOV.from - 1, actor: 'Anna', kind: 'created' },
];

describe('buildArchive', () => {
  it('holds the cases posted in the period, oldest first, with replies, handover and timestamps', async () => {
    const archive = await buildArchive([december, answered, october, sameTime, hostile], events, NOV, NOW);
    const data = JSON.parse(archive.json);
    expect(data.manifest).toEqual({
      format: ARCHIVE_FORMAT,
      generatedAt: new Date(NOW).toISOString(),
      period: { from: '2026-10-31T23:00:00.000Z', to: '2026-11-30T23:00:00.000Z', toExclusive: true },
      counts: { cases: 3, replies: 1, handovers: 1, perSite: { x: 2, facebook: 1 } },
      ordering: 'cases by postedAt, then id; events by time',
      checksum: 'SHA-256 of this file, given beside it',
    });
    expect(data.cases.map((c: { id: string }) => c.id)).toEqual([hostile.id, answered.id, sameTime.id]);
    expect(data.cases[1]).toMatchObject({
      text: answered.text,
      postedAt: new Date(T0).toISOString(),
      firstResponseAt: new Date(T0 + 20 * 60_000).toISOString(),
      replies: [{ at: new Date(T0 + 20 * 60_000).toISOString(), actor: 'Anna' }],
      handover: { category: 'Afval', note: 'Route 4 gemist', at: new Date(T0 + 30 * 60_000).toISOString(), agent: 'Anna' },
      closedAt: new Date(T0 + 60 * 60_000).toISOString(),
      statusChanges: [
        { at: new Date(T0 + 30 * 60_000).toISOString(), from: 'new', to: 'handed_over', actor: 'Anna' },
        { at: new Date(T0 + 60 * 60_000).toISOString(), from: 'handed_over', to: 'closed', actor: 'Bram' },
      ],
    });
    expect(archive.json).not.toContain('Interne notitie');
  });

  it('gives the same bytes and checksum for the same data in any order', async () => {
    const a = await buildArchive([answered, sameTime, hostile, october], events, NOV, NOW);
    const b = await buildArchive([october, hostile, sameTime, answered], [...events].reverse(), NOV, NOW);
    expect(b.json).toBe(a.json);
    expect(b.sha256).toBe(a.sha256);
    expect(b.html).toBe(a.html);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies its own checksum and fails on a changed byte', async () => {
    const { json, sha256 } = await buildArchive([answered, hostile], events, NOV, NOW);
    expect(await verifyArchive(json, sha256)).toBe(true);
    expect(await verifyArchive(json, ` ${sha256.toUpperCase()}\n`)).toBe(true);
    const at = json.indexOf('Route 4');
    expect(await verifyArchive(`${json.slice(0, at)}Route 5${json.slice(at + 7)}`, sha256)).toBe(false);
    expect(await verifyArchive(json.slice(0, -1), sha256)).toBe(false);
    expect(await verifyArchive(json, 'not a checksum')).toBe(false);
  });

  it('hashes the UTF-8 bytes as sha256sum does', async () => {
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('é')).toBe(await sha256Hex('\u00e9'));
    expect(await sha256Hex('é')).not.toBe(await sha256Hex('e\u0301'));
  });

  it('writes a readable, escaped HTML index with the checksum and no live links but https', async () => {
    const { html, sha256 } = await buildArchive([answered, hostile], events, NOV, NOW);
    expect(html.startsWith('<!doctype html>\n<html lang="nl">')).toBe(true);
    expect(html).toContain('<title>Archief webcare 2026-11-01 tot 2026-12-01</title>');
    expect(html).toContain(`<code>${sha256}</code>`);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot;');
    expect(html).not.toMatch(/<img|<script|<[^>]*\bon[a-z]+=/i);
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual(['https://x.com/jan/status/1']);
    for (const text of ['Archief webcare', 'Periode', 'Afval: Route 4 gemist', 'Gesloten', 'Eerste antwoord']) expect(html).toContain(text);
  });

  it('keeps a first response whose event is missing as a reply by nobody known', async () => {
    const old = aCase(caseIdFor('x', '7'), T0, { firstResponseAt: T0 + 5 });
    const data = JSON.parse((await buildArchive([old], events, NOV, NOW)).json);
    expect(data.cases[0].replies).toEqual([{ at: new Date(T0 + 5).toISOString(), actor: null }]);
    expect(data.manifest.counts.replies).toBe(1);
  });

  it('keeps the words of every reply, escaped in the HTML, and marks one written outside Loket', async () => {
    const c = aCase(caseIdFor('x', '8'), T0, { firstResponseAt: T0 + 60_000 });
    const replyEvents: CaseEvent[] = [
      { seq: 10, caseId: c.id, at: T0 + 60_000, actor: 'Anna', kind: 'changed', field: 'firstResponseAt', before: null, after: T0 + 60_000 },
      { seq: 11, caseId: c.id, at: T0 + 61_000, actor: 'Anna', kind: 'reply', after: { postId: caseIdFor('x', '9'), text: `Dank! ${HOSTILE}`, url: 'https://x.com/g/status/9', postedAt: T0 + 60_000, via: 'loket' } },
      { seq: 12, caseId: c.id, at: T0 + 99_000, actor: 'Bram', kind: 'reply', after: { postId: caseIdFor('x', '10'), text: 'Opgelost.', url: 'https://x.com/g/status/10', postedAt: T0 + 90_000, via: 'elsewhere' } },
    ];
    const { json, html } = await buildArchive([c], replyEvents, NOV, NOW);
    const data = JSON.parse(json);
    expect(data.cases[0].replies).toEqual([
      { at: new Date(T0 + 60_000).toISOString(), actor: 'Anna', text: `Dank! ${HOSTILE}`, url: 'https://x.com/g/status/9', writtenElsewhere: false },
      { at: new Date(T0 + 90_000).toISOString(), actor: 'Bram', text: 'Opgelost.', url: 'https://x.com/g/status/10', writtenElsewhere: true },
    ]);
    expect(data.manifest.counts.replies).toBe(2);
    expect(html).toContain('Dank! &lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot;');
    expect(html).toContain('Opgelost. (buiten Loket geschreven)');
    expect(html).not.toMatch(/<img|<script/i);
  });

  it('refuses a period that is not one', async () => {
    await expect(buildArchive([], [], { from: NOV.to, to: NOV.from }, NOW)).rejects.toThrow(RangeError);
    await expect(buildArchive([], [], { from: Number.NaN, to: NOV.to }, NOW)).rejects.toThrow(RangeError);
  });

  it('makes an empty archive for an empty period', async () => {
    const { json, html } = await buildArchive([october], events, NOV, NOW);
    expect(JSON.parse(json).cases).toEqual([]);
    expect(html).toContain('Er zijn in deze periode geen berichten vastgelegd.');
  });
});
