import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildArchive, sha256Hex } from '../../src/exports/archive';
import type { Case } from '../../src/domain/case';
import type { CaseEvent } from '../../src/domain/case-event';
import { caseIdFor, caseReference, siteOfCaseId } from '../../src/domain/case-id';
import { addDuration, buildMdto, retentionFromSettings, type MdtoFile, type MdtoOptions } from '../../src/exports/mdto';

const XSD = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/mdto/MDTO-XML1.0.2.xsd');
const work = mkdtempSync(join(tmpdir(), 'loket-mdto-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** xmllint's verdict on the files against the published schema: '' when all are valid, else its messages. */
function validate(files: readonly MdtoFile[]): string {
  const paths = files.filter((f) => f.name.endsWith('.xml')).map((f) => {
    const path = join(work, f.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.text, 'utf8');
    return path;
  });
  const run = spawnSync('xmllint', ['--noout', '--schema', XSD, ...paths], { encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint is needed for this test (Debian: apt-get install libxml2-utils): ${run.error.message}`);
  return run.status === 0 ? '' : run.stderr;
}

const PERIOD = { from: Date.UTC(2026, 9, 31, 23), to: Date.UTC(2026, 10, 30, 23) };
const T0 = Date.UTC(2026, 10, 26, 9, 0);
const NOW = Date.UTC(2026, 11, 2, 8, 0);
const HOSTILE = `<x>&"'\u0007 \uD800 ]]> 👍`;

function aCase(id: Case['id'], extra: Partial<Case> = {}): Case {
  return {
    id,
    site: siteOfCaseId(id),
    url: id.startsWith('x:') ? `https://x.com/jan/status/${id.slice(2)}` : 'https://www.facebook.com/gemeente/posts/1',
    author: { name: 'Jan Jansen', handle: '@jan' },
    text: 'Wanneer komt de vuilniswagen?',
    postedAt: T0,
    postedAtSource: 'page',
    status: 'new',
    tags: [],
    createdAt: T0,
    updatedAt: T0,
    ...extra,
  };
}

const closed = aCase(caseIdFor('x', '1'), {
  status: 'closed',
  tags: ['afval'],
  firstResponseAt: T0 + 20 * 60_000,
  handover: { category: 'Afval', note: 'Route 4 gemist', at: T0 + 30 * 60_000, agent: 'Anna' },
  updatedAt: T0 + 60 * 60_000,
});
const hostile = aCase(caseIdFor('facebook', '3', '4'), { text: HOSTILE, url: 'javascript:alert(1)', author: { name: HOSTILE }, postedAt: T0 + 1 });
const open = aCase(caseIdFor('x', '2'), { author: { name: '' }, postedAt: T0 + 2 });
const events: CaseEvent[] = [
  { caseId: closed.id, at: T0 + 20 * 60_000, actor: 'Bram', kind: 'changed', field: 'firstResponseAt', before: undefined, after: T0 + 20 * 60_000 },
  { caseId: closed.id, at: T0 + 60 * 60_000, actor: 'Anna', kind: 'changed', field: 'status', before: 'in_progress', after: 'closed' },
];

async function mdtoOf(cases: Case[], options: Partial<MdtoOptions> = {}) {
  const archive = await buildArchive(cases, events, PERIOD, NOW, { tags: [{ id: 'afval', label: 'Afval', color: '#ffcc00' }] });
  return buildMdto(archive.json, { municipality: 'Gemeente Voorbeeld', retention: retentionFromSettings(90), now: NOW, ...options });
}

describe('MDTO metadata of the archive', () => {
  it('gives every case a record, an informatieobject and a bestand, all valid against the published XSD', async () => {
    const files = await mdtoOf([closed, hostile, open]);
    expect(files).toHaveLength(9);
    const ref = caseReference(closed.id);
    expect(files.slice(0, 3).map((f) => f.name)).toEqual([`${ref}/${ref}.json`, `${ref}/${ref}.mdto.xml`, `${ref}/${ref}.json.bestand.mdto.xml`]);
    expect(validate(files)).toBe('');
  });

  it('holds identifier, name, dates, the people involved and the retention decision', async () => {
    const [, xml] = await mdtoOf([closed]);
    const ref = caseReference(closed.id);
    expect(xml!.text).toContain(`<identificatieKenmerk>${ref}</identificatieKenmerk>`);
    expect(xml!.text).toContain(`<identificatieKenmerk>${closed.id}</identificatieKenmerk>`);
    expect(xml!.text).toContain(`<naam>Webcarebericht ${ref} op X van 2026-11-26</naam>`);
    expect(xml!.text).toContain('<eventTijd>2026-11-26T09:00:00.000Z</eventTijd>'); // received
    expect(xml!.text).toContain('<eventTijd>2026-11-26T09:20:00.000Z</eventTijd>'); // our reply
    expect(xml!.text).toMatch(/<verwijzingNaam>Gemeente Voorbeeld<\/verwijzingNaam>/);
    for (const who of ['Jan Jansen (@jan)', 'Bram', 'Anna']) expect(xml!.text).toContain(`<verwijzingNaam>${who}</verwijzingNaam>`);
    expect(xml!.text).toContain('<begripCode>V</begripCode>');
    expect(xml!.text).toContain('<termijnStartdatumLooptijd>2026-11-26</termijnStartdatumLooptijd>');
    expect(xml!.text).toContain('<termijnLooptijd>P90D</termijnLooptijd>');
    expect(xml!.text).toContain('<termijnEinddatum>2027-02-24</termijnEinddatum>');
    expect(xml!.text).toContain('<trefwoord>Afval</trefwoord>');
  });

  it("states the record file's size and SHA-256, so the archive can check it", async () => {
    const [record, , bestand] = await mdtoOf([closed]);
    expect(bestand!.text).toContain(`<checksumWaarde>${await sha256Hex(record!.text)}</checksumWaarde>`);
    expect(bestand!.text).toContain(`<omvang>${Buffer.byteLength(record!.text, 'utf8')}</omvang>`);
    expect(bestand!.text).toContain('<begripCode>fmt/817</begripCode>');
    expect(JSON.parse(record!.text)).toMatchObject({ id: closed.id, reference: caseReference(closed.id) });
  });

  it('keeps hostile text as text: escaped, without characters XML cannot hold', async () => {
    const files = await mdtoOf([hostile]);
    const xml = files[1]!.text;
    expect(xml).toContain('<verwijzingNaam>&lt;x&gt;&amp;&quot;&apos;  ]]&gt; 👍</verwijzingNaam>');
    expect(xml).not.toContain('\u0007');
    expect(xml).not.toContain('<x>');
    expect(validate(files)).toBe('');
  });

  it('writes a permanent decision with the selectielijst category when the organisation gives one', async () => {
    const files = await mdtoOf([closed], { retention: { waardering: 'B', category: { label: 'Klantcontact', code: '1.1', list: 'Selectielijst gemeenten 2020' } } });
    expect(files[1]!.text).toContain('<begripLabel>Blijvend bewaren</begripLabel>');
    expect(files[1]!.text).not.toContain('<bewaartermijn>');
    expect(files[1]!.text).toContain('<begripLabel>Klantcontact</begripLabel>');
    expect(validate(files)).toBe('');
  });

  it('is the same for the same archive, byte for byte', async () => {
    expect(await mdtoOf([closed, hostile])).toEqual(await mdtoOf([hostile, closed]));
  });

  it('refuses what is not a Loket archive, and a period that is not a duration', async () => {
    await expect(buildMdto('{"cases":[]}', { municipality: 'X', retention: retentionFromSettings(1), now: NOW })).rejects.toThrow(/Not a Loket archive/);
    await expect(mdtoOf([closed], { retention: { waardering: 'V', period: '90 dagen' } })).rejects.toThrow(/Not a retention period/);
    expect(addDuration('2026-11-26', 'P1Y2M10D')).toBe('2028-02-05');
  });

  it('the check can fail: xmllint rejects an informatieobject without its waardering', async () => {
    const files = await mdtoOf([closed]);
    const broken = files[1]!.text.replace(/<waardering>[\s\S]*?<\/waardering>\n/, '');
    expect(broken).not.toBe(files[1]!.text);
    expect(validate([{ name: 'broken/broken.mdto.xml', text: broken }])).toMatch(/fails to validate|not expected/);
  });
});
