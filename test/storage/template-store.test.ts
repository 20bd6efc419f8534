import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../src/domain/default-templates';
import type { LoketDatabase } from '../../src/storage/db';
import { deleteTemplate, importTemplates, listTemplates, markTemplateUsed, reorderTemplates, saveTemplate, TemplateNotFoundError } from '../../src/storage/template-store';
import { openTestDatabase } from '../support/test-database';

let db: LoketDatabase;
let dispose: () => Promise<void>;
beforeEach(async () => ({ db, dispose } = await openTestDatabase('templates')));
afterEach(() => dispose());

const draft = (id: string, title: string) => ({ id, title, body: `Hoi {{voornaam}}, ${title}. {{paraaf}}`, category: 'Algemeen', language: 'nl' as const, sites: ['x' as const], scope: 'personal' as const });

describe('the template store', () => {
  it('starts with the default library, in its order', async () => {
    expect((await listTemplates(db)).map((t) => t.id)).toEqual(DEFAULT_TEMPLATES.map((t) => t.id));
  });

  it('adds a new template at the end, and keeps usage figures and place when it is edited', async () => {
    const added = await saveTemplate(db, draft('own:1', 'Eigen'), 10);
    expect(added.order).toBe(DEFAULT_TEMPLATES.length);
    await markTemplateUsed(db, 'own:1', 20);
    const edited = await saveTemplate(db, { ...draft('own:1', 'Eigen, beter'), shortcut: '' }, 30);
    expect(edited).toMatchObject({ order: DEFAULT_TEMPLATES.length, usageCount: 1, lastUsedAt: 20, updatedAt: 30, title: 'Eigen, beter' });
    expect(edited).not.toHaveProperty('shortcut');
  });

  it('puts the named templates first in the order given, the others after in their own order', async () => {
    const [a, b, c] = DEFAULT_TEMPLATES.map((t) => t.id);
    const list = await reorderTemplates(db, [c!, a!]);
    expect(list.slice(0, 3).map((t) => t.id)).toEqual([c, a, b]);
    expect((await listTemplates(db)).map((t) => t.id)).toEqual(list.map((t) => t.id));
    expect(list.map((t) => t.order)).toEqual(list.map((_, i) => i));
  });

  it('refuses to delete a template that is not there', async () => {
    await expect(deleteTemplate(db, 'own:nope')).rejects.toBeInstanceOf(TemplateNotFoundError);
    await deleteTemplate(db, DEFAULT_TEMPLATES[0]!.id);
    expect((await listTemplates(db)).length).toBe(DEFAULT_TEMPLATES.length - 1);
  });

  it('imports new templates after the existing ones, planned against what is stored', async () => {
    const plan = await importTemplates(db, 'personal', [draft('own:a', 'A'), draft('own:b', 'B')], 5);
    expect(plan.add.map((t) => t.id)).toEqual(['own:a', 'own:b']);
    const all = await listTemplates(db);
    expect(all.slice(-2).map((t) => [t.id, t.order])).toEqual([
      ['own:a', DEFAULT_TEMPLATES.length],
      ['own:b', DEFAULT_TEMPLATES.length + 1],
    ]);
  });
});
