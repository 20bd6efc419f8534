/** The organisation's team templates and tags merged into what is stored (removed tags retired, not deleted). */
import type { ManagedTag } from './managed-policy';
import type { Tag } from './tag';
import type { Template } from './template';
import { planImport, type ImportedTemplate } from './template-file';

/**
 * The stored templates after the organisation's team set arrived: the team set replaces the team-scope
 * templates (new ones added at the end, changed ones updated, ones no longer in the set removed); personal
 * templates are untouched. A template that stays keeps its usage figures and the agent's place for it. An
 * id of the team set that a personal template already has is given the id `team:<id>`, as an import does.
 * `now` stamps `updatedAt` on added and changed templates.
 */
export function mergeTeamTemplates(existing: readonly Template[], managedTeam: readonly ImportedTemplate[], now?: number): Template[] {
  const plan = planImport(existing, managedTeam, 'team');
  const stamp = (t: Template): Template => (now === undefined ? t : { ...t, updatedAt: now });
  const team = [...plan.unchanged, ...plan.replace.map((r) => stamp(r.after)), ...plan.add.map(stamp)];
  const personal = existing.filter((t) => t.scope !== 'team');
  return [...personal, ...team].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/**
 * The stored tags after the organisation's tag set arrived: new tags added, labels, groups and colours
 * updated, and a tag no longer in the set kept with `retired: true`, so old cases still show it (as retired)
 * while the picker no longer offers it. A retired tag that comes back is active again. The set's order
 * first, then the retired tags in their stored order.
 */
export function mergeTags(existing: readonly Tag[], managedTags: readonly ManagedTag[]): Tag[] {
  const central = new Set(managedTags.map((t) => t.id));
  const current = managedTags.map((t): Tag => ({ id: t.id, label: t.label, color: t.color, ...(t.group ? { group: t.group } : {}) }));
  const retired = existing.filter((t) => !central.has(t.id)).map((t): Tag => ({ ...t, retired: true }));
  return [...current, ...retired];
}
