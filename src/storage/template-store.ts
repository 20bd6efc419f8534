/**
 * Reply templates: the team set (the defaults, seeded by a database migration, plus what a team file brings)
 * and the agent's personal templates. One list, ordered by `order`; each change is one transaction.
 */
import { planImport, type ImportedTemplate, type ImportPlan } from '../domain/template-file';
import type { Template } from '../domain/template';
import type { LoketDatabase } from './db';

export class TemplateNotFoundError extends Error {
  constructor(id: string) {
    super(`no template ${id}`);
    this.name = 'TemplateNotFoundError';
  }
}

const byOrder = (a: Template, b: Template) => a.order - b.order || a.title.localeCompare(b.title, 'nl');

/** The place after the last template: where a new one goes. */
const nextOrder = (all: readonly Template[]) => all.reduce((max, t) => Math.max(max, t.order), -1) + 1;

/** All templates in the agent's order. */
export async function listTemplates(db: LoketDatabase): Promise<Template[]> {
  return (await db.getAll('templates')).sort(byOrder);
}

/** The fields an agent edits; usage figures and the place in the list are the store's. */
export type TemplateDraft = Omit<Template, 'usageCount' | 'lastUsedAt' | 'order' | 'updatedAt'> & { order?: number };

/** Adds or changes a template. A new one goes to the end of the list. */
export async function saveTemplate(db: LoketDatabase, draft: TemplateDraft, now: number): Promise<Template> {
  const tx = db.transaction('templates', 'readwrite');
  const existing = await tx.store.get(draft.id);
  const order = draft.order ?? existing?.order ?? nextOrder(await tx.store.getAll());
  const template: Template = {
    ...draft,
    order,
    usageCount: existing?.usageCount ?? 0,
    ...(existing?.lastUsedAt !== undefined ? { lastUsedAt: existing.lastUsedAt } : {}),
    updatedAt: now,
  };
  if (!template.shortcut) delete template.shortcut;
  await tx.store.put(template);
  await tx.done;
  return template;
}

export async function deleteTemplate(db: LoketDatabase, id: string): Promise<void> {
  const tx = db.transaction('templates', 'readwrite');
  if (!(await tx.store.getKey(id))) throw new TemplateNotFoundError(id);
  await tx.store.delete(id);
  await tx.done;
}

/** Puts the templates in the order of `ids`; any template not named keeps its place after them. */
export async function reorderTemplates(db: LoketDatabase, ids: readonly string[]): Promise<Template[]> {
  const tx = db.transaction('templates', 'readwrite');
  const all = (await tx.store.getAll()).sort(byOrder);
  const position = new Map(ids.map((id, i) => [id, i]));
  const named = all.filter((t) => position.has(t.id)).sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  const ordered = [...named, ...all.filter((t) => !position.has(t.id))];
  for (const [i, t] of ordered.entries()) if (t.order !== i) await tx.store.put({ ...t, order: i });
  await tx.done;
  return ordered.map((t, i) => ({ ...t, order: i }));
}

/**
 * Applies an import in one transaction, planned against the templates as stored at that moment (not as the
 * options page saw them), so an import never overwrites a change made in between without it being counted.
 */
export async function importTemplates(db: LoketDatabase, scope: Template['scope'], incoming: readonly ImportedTemplate[], now: number): Promise<ImportPlan> {
  const tx = db.transaction('templates', 'readwrite');
  const all = await tx.store.getAll();
  const plan = planImport(all, incoming, scope);
  let next = nextOrder(all);
  for (const t of plan.add) await tx.store.put({ ...t, order: next++, updatedAt: now });
  for (const { after } of plan.replace) await tx.store.put({ ...after, updatedAt: now });
  await tx.done;
  return plan;
}

export async function markTemplateUsed(db: LoketDatabase, id: string, now: number): Promise<Template | undefined> {
  const tx = db.transaction('templates', 'readwrite');
  const template = await tx.store.get(id);
  const used = template && { ...template, usageCount: template.usageCount + 1, lastUsedAt: now };
  if (used) await tx.store.put(used);
  await tx.done;
  return used;
}
