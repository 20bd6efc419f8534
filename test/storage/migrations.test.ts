/**
 * The database migrations, as a browser that last ran an older Loket meets them: a database left at each
 * older version, with the data that version kept, is opened by this version. Nothing may be lost, and what
 * the new stores and indexes promise must hold for the old data too (an index added later covers records
 * written before it existed).
 */
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { newCase, type Case } from '../../src/domain/case';
import { caseIdFor } from '../../src/domain/case-id';
import { DEFAULT_TEMPLATES } from '../../src/domain/default-templates';
import type { PostRef } from '../../src/domain/post-ref';
import { getCase, listEvents, listHandovers, listOpenByDue, listPostedBetween } from '../../src/storage/case-store';
import { recentDiagnostics, recordDiagnostic } from '../../src/storage/diagnostic-store';
import { MIGRATIONS, openLoketDb, toStored, type LoketDatabase } from '../../src/storage/db';
import { storedTemplate } from '../support/templates';

const LATEST = MIGRATIONS.length;
let n = 0;
const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await deleteDB(name);
});

const post = (id: string, postedAt: number): PostRef => ({
  caseId: caseIdFor('x', id),
  site: 'x',
  url: `https://x.com/a/status/${id}`,
  author: { name: 'Jan', handle: '@jan' },
  text: `vraag ${id}`,
  postedAt,
  postedAtSource: 'page',
});

/** A database as Loket left it at `version`, filled by `fill`; closed again. Returns its name. */
async function leftAt(version: number, fill: (db: LoketDatabase) => Promise<void>): Promise<string> {
  const name = `loket-migration-${++n}`;
  names.push(name);
  const db = await openLoketDb(name, version);
  expect([...db.objectStoreNames].length).toBeGreaterThan(0);
  await fill(db);
  db.close();
  return name;
}

/** Cases as every version stores them: one open, one closed, one handed over (kept on the case since v1). */
async function putCases(db: LoketDatabase): Promise<void> {
  const open = { ...newCase(post('1', 1_000), 1_100), dueAt: 5_000 };
  const closed: Case = { ...newCase(post('2', 2_000), 2_100), status: 'closed' };
  const handedOver: Case = {
    ...newCase({ ...post('3', 3_000), caseId: caseIdFor('facebook', '445566', '778899'), site: 'facebook', url: 'https://www.facebook.com/p/posts/445566' }, 3_100),
    status: 'handed_over',
    handover: { category: 'Afval', note: 'Bel terug', agent: 'Anna', at: 3_200 },
  };
  for (const c of [open, closed, handedOver]) await db.put('cases', toStored(c));
  await db.add('events', { caseId: open.id, at: 1_100, actor: 'Anna', kind: 'created' } as never);
  await db.add('events', { caseId: open.id, at: 1_200, actor: 'Anna', kind: 'note', after: 'Gebeld' } as never);
}

async function expectCasesKept(db: LoketDatabase): Promise<void> {
  expect(await db.count('cases')).toBe(3);
  expect(await getCase(db, caseIdFor('x', '1'))).toMatchObject({ text: 'vraag 1', dueAt: 5_000, status: 'new', author: { handle: '@jan' } });
  expect((await listEvents(db, caseIdFor('x', '1'))).map((e) => [e.kind, e.at])).toEqual([
    ['created', 1_100],
    ['note', 1_200],
  ]);
  // The indexes added after these cases were written cover them.
  expect((await listOpenByDue(db)).map((c) => c.id)).toEqual(['x:1', 'fb:445566/778899']);
  expect((await listHandovers(db)).map((c) => [c.id, c.handover?.note])).toEqual([['fb:445566/778899', 'Bel terug']]);
  expect((await listPostedBetween(db, 0, 10_000)).map((c) => c.id)).toEqual(['x:1', 'x:2', 'fb:445566/778899']);
}

describe('database migrations', () => {
  for (let version = 1; version < LATEST; version++) {
    it(`brings a database left at version ${version} up to date without losing its cases and history`, async () => {
      const name = await leftAt(version, putCases);
      const db = await openLoketDb(name);
      await expectCasesKept(db);
      // The stores added since work: site-health findings, alerts shown, and sync's bookkeeping.
      expect(await recordDiagnostic(db, { site: 'x', kind: 'layout-not-recognised', pageKind: 'home', at: 9_000, detail: '9 rows' })).not.toBeNull();
      expect(await recentDiagnostics(db, 9_000)).toHaveLength(1);
      await db.put('alerts', { key: 'x:1|soon|5000', caseId: caseIdFor('x', '1'), at: 4_000 } as never);
      expect(await db.getAllFromIndex('alerts', 'by-case', caseIdFor('x', '1'))).toHaveLength(1);
      await db.put('syncMeta', { key: 'client', clientId: 'c1' });
      expect(await db.get('syncMeta', 'client')).toEqual({ key: 'client', clientId: 'c1' });
      db.close();
    });
  }

  it('opens an up-to-date database as it is', async () => {
    const name = await leftAt(LATEST, putCases);
    const db = await openLoketDb(name);
    await expectCasesKept(db);
    db.close();
  });

  it('runs the migrations in order, each once, also on a database opened at every version in turn', async () => {
    const name = `loket-migration-${++n}`;
    names.push(name);
    for (let version = 1; version <= LATEST; version++) {
      const db = await openLoketDb(name, version);
      if (version === 1) await putCases(db);
      db.close();
    }
    const db = await openLoketDb(name);
    await expectCasesKept(db);
    expect(await db.count('templates')).toBe(DEFAULT_TEMPLATES.length);
    db.close();
  });

  describe('the default template library (version 3 → 4)', () => {
    it('seeds the library into a database that had none', async () => {
      const name = await leftAt(3, async () => undefined);
      const db = await openLoketDb(name);
      expect((await db.getAll('templates')).map((t) => t.id).sort()).toEqual(DEFAULT_TEMPLATES.map((t) => t.id).sort());
      db.close();
    });

    it('keeps the agent’s own templates, edited defaults and used old defaults; drops unused old defaults', async () => {
      const shipped = DEFAULT_TEMPLATES[0]!;
      const name = await leftAt(3, async (db) => {
        await db.put('templates', storedTemplate('personal:mijn', { scope: 'personal', body: 'Mijn eigen tekst' }));
        await db.put('templates', { ...shipped, body: 'Door de gemeente aangepast', usageCount: 4 });
        await db.put('templates', storedTemplate('default:oud-gebruikt', { usageCount: 2 }));
        await db.put('templates', storedTemplate('default:oud-ongebruikt', { usageCount: 0 }));
      });
      const db = await openLoketDb(name);
      const ids = (await db.getAll('templates')).map((t) => t.id);
      expect(ids).toContain('personal:mijn');
      expect(ids).toContain('default:oud-gebruikt');
      expect(ids).not.toContain('default:oud-ongebruikt');
      expect(await db.get('templates', shipped.id)).toMatchObject({ body: 'Door de gemeente aangepast', usageCount: 4 });
      expect(ids).toHaveLength(DEFAULT_TEMPLATES.length + 2);
      db.close();
    });

    it('does not bring back a default the municipality deleted after the migration', async () => {
      const name = await leftAt(4, async (db) => {
        await db.delete('templates', DEFAULT_TEMPLATES[1]!.id);
      });
      const db = await openLoketDb(name);
      expect(await db.get('templates', DEFAULT_TEMPLATES[1]!.id)).toBeUndefined();
      db.close();
    });
  });
});
