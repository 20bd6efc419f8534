/**
 * The file a team (or one agent) shares its templates in, and how an import is planned.
 *
 *   { "format": "loket-templates", "version": 1, "scope": "team", "exportedAt": "2025-…Z",
 *     "templates": [{ "id", "title", "body", "category", "language", "sites", "shortcut"?, "order"?, "actions"? }] }
 *
 * `actions` are the template's reply actions (reply-actions.ts), e.g. [{ "kind": "status", "status": "closed" }].
 *
 * The file carries no usage figures: how often an agent used a template is the agent's own business, and
 * an import must not reset or inflate it. A file is often edited by hand or passed around by mail, so it is
 * validated completely before anything is stored, and a refusal says what is wrong and where
 * ("templates[3].body: …"), with a code the options page turns into a translated sentence.
 *
 * Importing matches templates by id within the file's scope. A team file never replaces a personal template
 * and a personal file never replaces a team one: an incoming id that belongs to a template of the other
 * scope is given a new id, `<scope>:<id>` (the same every time, so importing the same file twice replaces
 * instead of duplicating), and the plan lists it under `renamed` so the options page can say so.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { SITES } from './site';
import type { Template } from './template';
import { replyActionsSchema } from './template-draft-schema';

z.config(en());

export const TEMPLATE_FILE_FORMAT = 'loket-templates';
export const TEMPLATE_FILE_VERSION = 1;
export const MAX_FILE_TEMPLATES = 1_000;
export const MAX_TEMPLATE_BODY = 5_000;
export const MAX_TEMPLATE_TITLE = 200;
const MAX_ID = 200;
/** Far above 1 000 templates of 5 000 characters; a larger file is not a template file. */
const MAX_FILE_CHARS = 10_000_000;

type Scope = Template['scope'];

/** A template as a file carries it: the fields an agent edits, no usage figures, no scope of its own. */
export type ImportedTemplate = Pick<Template, 'id' | 'title' | 'body' | 'category' | 'language' | 'sites' | 'shortcut' | 'actions'> & { order?: number };

export interface TemplateFile {
  format: typeof TEMPLATE_FILE_FORMAT;
  version: typeof TEMPLATE_FILE_VERSION;
  scope: Scope;
  exportedAt: string;
  templates: ImportedTemplate[];
}

export type TemplateFileError = 'not-json' | 'not-loket' | 'wrong-version' | 'invalid';

export type ParsedTemplateFile = { ok: true; scope: Scope; templates: ImportedTemplate[] } | { ok: false; code: TemplateFileError; detail: string };

// The same limits as a template saved from the options page (templateDraftSchema in template-draft-schema.ts),
// so whatever a file brings in could also have been typed in. Unknown fields are dropped, not refused: a
// file from a later 1.x export or with a hand-added note still imports.
const templateSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(MAX_ID)),
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_TEMPLATE_TITLE)),
  body: z.string().check(z.minLength(1), z.maxLength(MAX_TEMPLATE_BODY)),
  category: z.string().check(z.trim(), z.maxLength(100)),
  language: z.enum(['nl', 'en']),
  sites: z.array(z.enum(SITES)).check(z.minLength(1), z.maxLength(10)),
  shortcut: z.optional(z.string().check(z.trim(), z.maxLength(40), z.regex(/^[\p{L}\p{N}_-]*$/u, 'a shortcut is one word'))),
  order: z.optional(z.number().check(z.int(), z.nonnegative())),
  // Checked in full: an action Loket cannot apply must not slip in unnoticed.
  actions: z.optional(replyActionsSchema),
});

const fileSchema = z.object({
  format: z.literal(TEMPLATE_FILE_FORMAT),
  version: z.literal(TEMPLATE_FILE_VERSION),
  scope: z.enum(['team', 'personal']),
  exportedAt: z.optional(z.string()),
  templates: z.array(templateSchema).check(z.maxLength(MAX_FILE_TEMPLATES)),
});

/** The templates of `scope`, in the agent's order, as the text of a file to save. */
export function exportTemplates(templates: readonly Template[], scope: Scope, now: number): string {
  // Only the templates of the file's scope: a team file must never carry an agent's personal templates.
  const chosen = templates.filter((t) => t.scope === scope).sort((a, b) => a.order - b.order);
  const file: TemplateFile = {
    format: TEMPLATE_FILE_FORMAT,
    version: TEMPLATE_FILE_VERSION,
    scope,
    exportedAt: new Date(now).toISOString(),
    templates: chosen.map((t, order) => ({
      id: t.id,
      title: t.title,
      body: t.body,
      category: t.category,
      language: t.language,
      sites: [...t.sites],
      ...(t.shortcut ? { shortcut: t.shortcut } : {}),
      ...(t.actions?.length ? { actions: structuredClone(t.actions) } : {}),
      order,
    })),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

type Issue = { path: ReadonlyArray<PropertyKey>; message: string };

/** "templates[3].body" */
function pathOf(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '') || '(file)';
}

function describe(issues: readonly Issue[]): string {
  const shown = issues.slice(0, 3).map((i) => `${pathOf(i.path)}: ${i.message}`);
  if (issues.length > shown.length) shown.push(`and ${issues.length - shown.length} more`);
  return shown.join('; ');
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a template file, checking all of it; nothing in a refused file is used. */
export function parseTemplateFile(text: string): ParsedTemplateFile {
  if (text.length > MAX_FILE_CHARS) return { ok: false, code: 'invalid', detail: `the file is larger than ${MAX_FILE_CHARS / 1_000_000} MB` };
  let data: unknown;
  try {
    // Editors on Windows may save a byte order mark, which JSON.parse refuses.
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, code: 'not-json', detail: error instanceof Error ? error.message : String(error) };
  }
  if (!isRecord(data)) return { ok: false, code: 'not-loket', detail: `(file): expected an object, found ${Array.isArray(data) ? 'an array' : JSON.stringify(data)}` };
  if (data.format !== TEMPLATE_FILE_FORMAT) {
    return { ok: false, code: 'not-loket', detail: `format: expected "${TEMPLATE_FILE_FORMAT}", found ${JSON.stringify(data.format) ?? 'nothing'}` };
  }
  if (data.version !== TEMPLATE_FILE_VERSION) {
    return { ok: false, code: 'wrong-version', detail: `version: expected ${TEMPLATE_FILE_VERSION}, found ${JSON.stringify(data.version) ?? 'nothing'}` };
  }
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) return { ok: false, code: 'invalid', detail: describe(parsed.error.issues) };

  const firstAt = new Map<string, number>();
  for (const [i, t] of parsed.data.templates.entries()) {
    const first = firstAt.get(t.id);
    if (first !== undefined) return { ok: false, code: 'invalid', detail: `templates[${i}].id: ${JSON.stringify(t.id)} is also the id of templates[${first}]` };
    firstAt.set(t.id, i);
  }

  return { ok: true, scope: parsed.data.scope, templates: parsed.data.templates.map(importedTemplate) };
}

/** A checked template entry as Loket keeps it: sites in the usual order, no empty optional fields. */
export function importedTemplate(
  t: Omit<ImportedTemplate, 'shortcut' | 'order' | 'actions'> & { shortcut?: string | undefined; order?: number | undefined; actions?: ImportedTemplate['actions'] | undefined },
): ImportedTemplate {
  return {
    id: t.id,
    title: t.title,
    body: t.body,
    category: t.category,
    language: t.language,
    sites: SITES.filter((site) => t.sites.includes(site)),
    ...(t.shortcut ? { shortcut: t.shortcut } : {}),
    ...(t.actions?.length ? { actions: t.actions } : {}),
    ...(t.order !== undefined ? { order: t.order } : {}),
  };
}

export interface ImportPlan {
  /** New templates, in the file's order, placed after the existing ones. */
  add: Template[];
  /** Templates of the same scope and id whose text the file changes; usage figures and place are kept. */
  replace: Array<{ before: Template; after: Template }>;
  /** Templates the file brings exactly as they are. */
  unchanged: Template[];
  /** Incoming ids taken by a template of the other scope, and the id the incoming template gets instead. */
  renamed: Array<{ from: string; to: string }>;
}

const sameSites = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((s) => b.includes(s));

function sameText(t: Template, incoming: ImportedTemplate): boolean {
  return (
    t.title === incoming.title &&
    t.body === incoming.body &&
    t.category === incoming.category &&
    t.language === incoming.language &&
    (t.shortcut ?? '') === (incoming.shortcut ?? '') &&
    JSON.stringify(t.actions ?? []) === JSON.stringify(incoming.actions ?? []) &&
    sameSites(t.sites, incoming.sites)
  );
}

/**
 * What importing `incoming` into a file of `scope` would do to `existing` (all stored templates, both
 * scopes). Pure, so the options page can show the plan before the agent confirms, and the store applies
 * the same plan in its transaction.
 */
export function planImport(existing: readonly Template[], incoming: readonly ImportedTemplate[], scope: Scope): ImportPlan {
  const own = new Map(existing.filter((t) => t.scope === scope).map((t) => [t.id, t]));
  const others = new Set(existing.filter((t) => t.scope !== scope).map((t) => t.id));
  const incomingIds = new Set(incoming.map((t) => t.id));
  const used = new Set<string>();
  const plan: ImportPlan = { add: [], replace: [], unchanged: [], renamed: [] };

  const rename = (id: string): string => {
    const base = `${scope}:${id}`.slice(0, MAX_ID - 4);
    let candidate = base;
    for (let n = 2; others.has(candidate) || used.has(candidate) || incomingIds.has(candidate); n++) candidate = `${base}:${n}`;
    return candidate;
  };

  // New ones go after the existing ones, in the order the file gives (its `order`, else its position).
  let next = existing.reduce((max, t) => Math.max(max, t.order), -1) + 1;
  const ordered = incoming.map((t, i) => ({ t, rank: t.order ?? i, i })).sort((a, b) => a.rank - b.rank || a.i - b.i);

  for (const { t } of ordered) {
    const id = others.has(t.id) ? rename(t.id) : t.id;
    used.add(id);
    if (id !== t.id) plan.renamed.push({ from: t.id, to: id });
    const text = {
      title: t.title,
      body: t.body,
      category: t.category,
      language: t.language,
      sites: [...t.sites],
    };
    const optional = { ...(t.shortcut ? { shortcut: t.shortcut } : {}), ...(t.actions?.length ? { actions: t.actions } : {}) };
    const before = own.get(id);
    if (!before) {
      plan.add.push({ id, ...text, ...optional, scope, order: next++, usageCount: 0 });
    } else if (sameText(before, t)) {
      plan.unchanged.push(before);
    } else {
      const { shortcut: _dropped, actions: _replaced, ...kept } = before;
      plan.replace.push({ before, after: { ...kept, ...text, ...optional } });
    }
  }
  return plan;
}
