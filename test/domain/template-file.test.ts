import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../../src/domain/default-templates';
import { exportTemplates, parseTemplateFile, planImport, type ImportedTemplate } from '../../src/domain/template-file';
import type { Template } from '../../src/domain/template';
import { importedTemplate, storedTemplate } from '../support/templates';

const NOW = Date.UTC(2025, 2, 4, 9, 30);

/** Template texts with variables in them: exported and imported as written, never filled in. */
const body = (id: string) => `Hoi {{voornaam}}, tekst ${id}. {{paraaf}}`;
const template = (id: string, over: Partial<Template> = {}): Template => storedTemplate(id, { body: body(id), ...over });
const incoming = (id: string, over: Partial<ImportedTemplate> = {}): ImportedTemplate => importedTemplate(id, { body: body(id), ...over });

const file = (templates: unknown[], over: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'loket-templates', version: 1, scope: 'team', exportedAt: '2025-03-04T09:30:00.000Z', templates, ...over });

const refused = (text: string) => {
  const result = parseTemplateFile(text);
  if (result.ok) throw new Error('expected the file to be refused');
  return result;
};

describe('exporting templates', () => {
  it('writes the templates of one scope, in order, without usage figures', () => {
    const text = exportTemplates(
      [
        template('b', { order: 5, usageCount: 12, lastUsedAt: NOW, updatedAt: NOW, shortcut: 'bee' }),
        template('a', { order: 2 }),
        template('mine', { scope: 'personal', order: 0 }),
      ],
      'team',
      NOW,
    );
    const data = JSON.parse(text);
    expect(data).toMatchObject({ format: 'loket-templates', version: 1, scope: 'team', exportedAt: '2025-03-04T09:30:00.000Z' });
    expect(data.templates.map((t: ImportedTemplate) => [t.id, t.order])).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
    expect(Object.keys(data.templates[1]).sort()).toEqual(['body', 'category', 'id', 'language', 'order', 'shortcut', 'sites', 'title']);
    expect(text).not.toMatch(/usageCount|lastUsedAt|updatedAt/);
    expect(text).toContain('\n  "templates"');
  });

  it('reads back what it wrote', () => {
    const result = parseTemplateFile(exportTemplates(DEFAULT_TEMPLATES, 'team', NOW));
    expect(result.ok && result.scope).toBe('team');
    if (!result.ok) return;
    expect(result.templates).toHaveLength(DEFAULT_TEMPLATES.length);
    expect(planImport(DEFAULT_TEMPLATES, result.templates, 'team')).toEqual({ add: [], replace: [], unchanged: DEFAULT_TEMPLATES, renamed: [] });
  });
});

describe('reading a template file', () => {
  it('accepts a valid file, drops unknown fields and tidies sites', () => {
    const result = parseTemplateFile(
      file([{ ...incoming('a'), sites: ['facebook', 'x', 'x'], shortcut: ' afval ', order: 3, usageCount: 99, note: 'hand-added' }], { scope: 'personal', comment: 'x' }),
    );
    expect(result).toEqual({ ok: true, scope: 'personal', templates: [{ ...incoming('a'), sites: ['x', 'facebook'], shortcut: 'afval', order: 3 }] });
  });

  it('accepts a file with a byte order mark and without exportedAt', () => {
    expect(parseTemplateFile(`\uFEFF${JSON.stringify({ format: 'loket-templates', version: 1, scope: 'team', templates: [] })}`).ok).toBe(true);
  });

  it('accepts an empty list: valid, nothing to do', () => {
    const result = parseTemplateFile(file([]));
    expect(result).toEqual({ ok: true, scope: 'team', templates: [] });
    expect(planImport(DEFAULT_TEMPLATES, [], 'team')).toEqual({ add: [], replace: [], unchanged: [], renamed: [] });
  });

  it('refuses text that is not JSON', () => {
    const result = refused('Hoi, dit is een Word-document');
    expect(result.code).toBe('not-json');
    expect(result.detail).not.toBe('');
    expect(refused('').code).toBe('not-json');
  });

  it('refuses JSON of another kind', () => {
    expect(refused('[1, 2]')).toEqual({ ok: false, code: 'not-loket', detail: '(file): expected an object, found an array' });
    expect(refused('null').code).toBe('not-loket');
    expect(refused(JSON.stringify({ name: 'package', version: '1.0.0' }))).toEqual({ ok: false, code: 'not-loket', detail: 'format: expected "loket-templates", found nothing' });
    expect(refused(file([], { format: 'chatwoot-canned' })).detail).toBe('format: expected "loket-templates", found "chatwoot-canned"');
  });

  it('refuses a version it does not read', () => {
    expect(refused(file([], { version: 2 }))).toEqual({ ok: false, code: 'wrong-version', detail: 'version: expected 1, found 2' });
    expect(refused(file([], { version: '1' })).code).toBe('wrong-version');
    expect(refused(file([], { version: undefined })).detail).toBe('version: expected 1, found nothing');
  });

  it('refuses a template without a body, saying which one', () => {
    const { body: _body, ...noBody } = incoming('c');
    const result = refused(file([incoming('a'), incoming('b'), incoming('x'), noBody]));
    expect(result.code).toBe('invalid');
    expect(result.detail).toMatch(/^templates\[3\]\.body: .*expected string/);
  });

  it('refuses wrong types, an unknown site or language, and a missing scope', () => {
    expect(refused(file([incoming('a', { sites: ['instagram' as 'x'] })])).detail).toMatch(/^templates\[0\]\.sites\[0\]: /);
    expect(refused(file([incoming('a', { language: 'de' as 'nl' })])).detail).toMatch(/^templates\[0\]\.language: /);
    expect(refused(file([incoming('a', { sites: [] })])).detail).toMatch(/^templates\[0\]\.sites: /);
    expect(refused(file([incoming('a', { shortcut: 'twee woorden' })])).detail).toBe('templates[0].shortcut: a shortcut is one word');
    expect(refused(file([], { scope: 'everyone' })).detail).toMatch(/^scope: /);
    expect(refused(file([], { templates: 'none' })).detail).toMatch(/^templates: .*expected array/);
    expect(refused(file([incoming('a', { title: '   ' })])).detail).toMatch(/^templates\[0\]\.title: /);
  });

  it('lists at most three problems', () => {
    const broken = [1, 2, 3, 4, 5].map((i) => ({ ...incoming(`t${i}`), body: i }));
    expect(refused(file(broken)).detail).toMatch(/^templates\[0\]\.body: .*; templates\[1\]\.body: .*; templates\[2\]\.body: .*; and 2 more$/);
  });

  it('refuses a body or title that is too long', () => {
    expect(parseTemplateFile(file([incoming('a', { body: 'x'.repeat(5_000) })])).ok).toBe(true);
    expect(refused(file([incoming('a', { body: 'x'.repeat(5_001) })])).detail).toMatch(/^templates\[0\]\.body: Too big: .*5000/);
    expect(refused(file([incoming('a', { title: 'x'.repeat(201) })])).detail).toMatch(/^templates\[0\]\.title: Too big/);
  });

  it('refuses more than 1000 templates', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => incoming(`t${i}`, { body: 'Hoi' }));
    expect(parseTemplateFile(file(many(1_000))).ok).toBe(true);
    expect(refused(file(many(1_001))).detail).toMatch(/^templates: Too big/);
  });

  it('refuses the same id twice in one file', () => {
    expect(refused(file([incoming('a'), incoming('b'), incoming('a')]))).toEqual({
      ok: false,
      code: 'invalid',
      detail: 'templates[2].id: "a" is also the id of templates[0]',
    });
  });
});

describe('planning an import', () => {
  it('adds new templates after the existing ones, in the file’s order', () => {
    const existing = [template('a', { order: 0 }), template('b', { order: 7 })];
    const plan = planImport(existing, [incoming('y', { order: 2 }), incoming('x', { order: 1 }), incoming('z')], 'team');
    expect(plan.add.map((t) => [t.id, t.order])).toEqual([
      ['x', 8],
      ['y', 9],
      ['z', 10],
    ]);
    expect(plan.add[0]).toEqual({ ...incoming('x'), scope: 'team', order: 8, usageCount: 0 });
    expect(plan.replace).toEqual([]);
  });

  it('replaces a template of the same id, keeping its usage figures and place', () => {
    const before = template('a', { order: 4, usageCount: 31, lastUsedAt: NOW, shortcut: 'oud' });
    const plan = planImport([before], [incoming('a', { body: 'Nieuwe tekst {{paraaf}}', sites: ['x'], order: 0 })], 'team');
    const { shortcut: _old, ...kept } = before;
    expect(plan.replace).toEqual([{ before, after: { ...kept, body: 'Nieuwe tekst {{paraaf}}', sites: ['x'] } }]);
    expect('shortcut' in plan.replace[0]!.after).toBe(false);
    expect(plan.add).toEqual([]);
  });

  it('counts a template the file brings unchanged (sites in any order)', () => {
    const same = template('a', { sites: ['facebook', 'x'], shortcut: 'a' });
    const plan = planImport([same], [incoming('a', { sites: ['x', 'facebook'], shortcut: 'a', order: 9 })], 'team');
    expect(plan).toEqual({ add: [], replace: [], unchanged: [same], renamed: [] });
  });

  it('gives imported templates the file’s scope', () => {
    expect(planImport([], [incoming('a')], 'personal').add[0]!.scope).toBe('personal');
  });

  it('never lets a personal file replace a team template: the incoming one gets its own id, the same each time', () => {
    const team = template('default:dm-privacy', { usageCount: 5 });
    const plan = planImport([team], [incoming('default:dm-privacy', { body: 'Mijn eigen DM-tekst' })], 'personal');
    expect(plan.replace).toEqual([]);
    expect(plan.renamed).toEqual([{ from: 'default:dm-privacy', to: 'personal:default:dm-privacy' }]);
    expect(plan.add.map((t) => [t.id, t.scope, t.body])).toEqual([['personal:default:dm-privacy', 'personal', 'Mijn eigen DM-tekst']]);

    // Importing the same file again finds the renamed one instead of adding a copy.
    const again = planImport([team, ...plan.add], [incoming('default:dm-privacy', { body: 'Mijn eigen DM-tekst' })], 'personal');
    expect(again.add).toEqual([]);
    expect(again.unchanged.map((t) => t.id)).toEqual(['personal:default:dm-privacy']);
  });

  it('never lets a team file replace a personal template', () => {
    const mine = template('afval', { scope: 'personal', usageCount: 3 });
    const plan = planImport([mine], [incoming('afval')], 'team');
    expect(plan.add.map((t) => [t.id, t.scope])).toEqual([['team:afval', 'team']]);
    expect(plan.replace).toEqual([]);
  });

  it('does not rename onto an id the same file uses', () => {
    const plan = planImport([template('a', { scope: 'personal' })], [incoming('a'), incoming('team:a')], 'team');
    expect(plan.add.map((t) => t.id).sort()).toEqual(['team:a', 'team:a:2']);
    expect(plan.renamed).toEqual([{ from: 'a', to: 'team:a:2' }]);
  });
});

describe('reply actions in template files', () => {
  const actions = [
    { kind: 'status', status: 'closed' },
    { kind: 'handover', category: 'Afval', note: 'Graag bellen' },
  ] as const;

  it('travel in an export and back, and a changed action replaces the template', () => {
    const withActions = template('a', { actions: structuredClone(actions) as unknown as Template['actions'] });
    const parsed = parseTemplateFile(exportTemplates([withActions], 'team', NOW));
    expect(parsed.ok && parsed.templates[0]!.actions).toEqual(actions);
    if (!parsed.ok) return;
    expect(planImport([withActions], parsed.templates, 'team').unchanged.map((t) => t.id)).toEqual(['a']);
    const changed = [{ ...parsed.templates[0]!, actions: [{ kind: 'status' as const, status: 'waiting' as const }] }];
    const plan = planImport([withActions], changed, 'team');
    expect(plan.replace.map((r) => r.after.actions)).toEqual([[{ kind: 'status', status: 'waiting' }]]);
    // Dropping the actions in the file drops them from the template.
    const { actions: _dropped, ...plain } = parsed.templates[0]!;
    expect(planImport([withActions], [plain], 'team').replace[0]!.after.actions).toBeUndefined();
  });

  it('refuses a file with an action Loket cannot apply, naming where', () => {
    const bad = file([{ ...incoming('a'), actions: [{ kind: 'delete-case' }] }]);
    const parsed = parseTemplateFile(bad);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.detail).toMatch(/^templates\[0\]\.actions/);
  });

  it('ship the three defaults with their actions', () => {
    const byTitle = (title: string) => DEFAULT_TEMPLATES.find((t) => t.title === title)?.actions;
    expect(byTitle('Doorverwezen naar KCC')?.[0]).toMatchObject({ kind: 'handover' });
    expect(byTitle('Opgelost')).toEqual([{ kind: 'status', status: 'closed' }]);
    expect(byTitle('Vraag om DM')).toEqual([{ kind: 'status', status: 'waiting' }]);
  });
});
