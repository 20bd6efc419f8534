/** Reply templates: the default set (seeded once, refreshed on update) plus team and personal ones. */
import { DEFAULT_TEMPLATES } from '../domain/default-templates';
import type { Template } from '../domain/template';
import type { LoketDatabase } from './db';

/** All templates, most used first, then by title. Seeds or refreshes the defaults in the same transaction. */
export async function listTemplates(db: LoketDatabase): Promise<Template[]> {
  const tx = db.transaction('templates', 'readwrite');
  for (const template of DEFAULT_TEMPLATES) {
    const existing = await tx.store.get(template.id);
    // Keep the agent's usage figures; take the shipped text, so an update can improve the defaults.
    if (!existing || existing.body !== template.body || existing.title !== template.title) {
      await tx.store.put({ ...template, usageCount: existing?.usageCount ?? 0, ...(existing?.lastUsedAt ? { lastUsedAt: existing.lastUsedAt } : {}) });
    }
  }
  const all = await tx.store.getAll();
  await tx.done;
  return all.sort((a, b) => b.usageCount - a.usageCount || a.title.localeCompare(b.title, 'nl'));
}

export async function markTemplateUsed(db: LoketDatabase, id: string, now: number): Promise<Template | undefined> {
  const tx = db.transaction('templates', 'readwrite');
  const template = await tx.store.get(id);
  if (template) await tx.store.put({ ...template, usageCount: template.usageCount + 1, lastUsedAt: now });
  await tx.done;
  return template && { ...template, usageCount: template.usageCount + 1, lastUsedAt: now };
}
