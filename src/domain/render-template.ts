/**
 * Fills a template's {{variables}} from the post and the agent's settings.
 *   {{naam}}                       a variable (Dutch names; English aliases work too: {{name}}, {{agent}})
 *   {{voornaam || 'u'}}            a fallback when the value is empty ('' leaves it out, spaces tidied)
 *   {{invul:Afspraakdatum}}        a field the agent fills in before inserting ({{fill:Label}} in English)
 *   {{cursor}}                     where the caret lands after inserting, so the agent can add a line
 * An unknown variable, an empty one without fallback, or a field not filled in is left visible in the text
 * and reported, so the agent never sends a reply with a silent blank. The exception: the agent's own values
 * from the options (`{{paraaf}}`, `{{medewerker}}`, `{{gemeente}}`) are left out when empty — reported all
 * the same — because a literal "{{paraaf}}" must never reach a resident (the first-run setup asks for them).
 *
 * Values come from other people (a display name on X is anything its owner typed), so they are inserted as
 * plain text in one pass: "{{paraaf}}" in a name stays literally that, markup stays text (the callers show
 * and paste text, never HTML), and a value is made one tidy line without control characters or bidi
 * overrides, which could otherwise reorder the rest of the reply on screen.
 */

export const VARIABLES = ['naam', 'voornaam', 'handle', 'gemeente', 'medewerker', 'paraaf', 'zaaknummer', 'datum', 'tijd', 'kanaal'] as const;
export type VariableName = (typeof VARIABLES)[number];
export type TemplateValues = Partial<Record<VariableName, string>>;
/** What the agent typed into each fill-in field, by the field's label. */
export type TemplateFills = Record<string, string>;

const ALIASES: Record<string, VariableName> = {
  name: 'naam',
  fullname: 'naam',
  full_name: 'naam',
  firstname: 'voornaam',
  first_name: 'voornaam',
  username: 'handle',
  user: 'handle',
  municipality: 'gemeente',
  city: 'gemeente',
  agent: 'medewerker',
  employee: 'medewerker',
  initials: 'paraaf',
  initialen: 'paraaf',
  signature: 'paraaf',
  case: 'zaaknummer',
  casenumber: 'zaaknummer',
  case_number: 'zaaknummer',
  zaak: 'zaaknummer',
  kenmerk: 'zaaknummer',
  date: 'datum',
  time: 'tijd',
  channel: 'kanaal',
  platform: 'kanaal',
};

export interface TemplateProblem {
  kind: 'unknown' | 'empty' | 'unfilled';
  /** The variable as written in the template, or for 'unfilled' the field's label. */
  variable: string;
}

export interface RenderedTemplate {
  text: string;
  problems: TemplateProblem[];
  /** Where the caret goes, as an index into `text` (the first {{cursor}}); absent without one. */
  cursor?: number;
}

/** Any {{…}}; what is inside is read by `parsePlaceholder`, so a typo is reported instead of ignored. */
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const VARIABLE = /^([A-Za-z_]+)\s*(?:\|\|\s*(?:'([^']*)'|"([^"]*)"))?$/;
const FIELD = /^(?:invul|fill)\s*:\s*(.*)$/i;
const CURSOR = /^cursor$/i;

type Placeholder =
  | { kind: 'cursor' }
  | { kind: 'field'; label: string }
  | { kind: 'variable'; name: string; fallback?: string }
  | { kind: 'unknown'; name: string };

/** Set by the agent in the options: empty, they are left out rather than shown as "{{paraaf}}". */
const AGENT_VARIABLES: ReadonlySet<VariableName> = new Set(['paraaf', 'medewerker', 'gemeente']);

const tidyLabel = (label: string) => label.trim().replace(/\s+/g, ' ');

function parsePlaceholder(inner: string): Placeholder {
  const trimmed = inner.trim();
  if (CURSOR.test(trimmed)) return { kind: 'cursor' };
  const field = FIELD.exec(trimmed);
  if (field) {
    const label = tidyLabel(field[1] ?? '');
    return label ? { kind: 'field', label } : { kind: 'unknown', name: trimmed };
  }
  const variable = VARIABLE.exec(trimmed);
  if (variable) {
    const fallback = variable[2] ?? variable[3];
    return fallback === undefined ? { kind: 'variable', name: variable[1]! } : { kind: 'variable', name: variable[1]!, fallback };
  }
  return { kind: 'unknown', name: trimmed };
}

export function canonicalVariable(name: string): VariableName | null {
  const lower = name.toLowerCase();
  if ((VARIABLES as readonly string[]).includes(lower)) return lower as VariableName;
  return ALIASES[lower] ?? null;
}

/** The labels of the template's fill-in fields, each once, in the order they first appear. */
export function templateFields(body: string): string[] {
  const labels = new Set<string>();
  for (const match of body.matchAll(PLACEHOLDER)) {
    const placeholder = parsePlaceholder(match[1] ?? '');
    if (placeholder.kind === 'field') labels.add(placeholder.label);
  }
  return [...labels];
}

// Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the invisible direction marks
// (U+200E, U+200F, U+061C): in a name they can make the rest of the reply read backwards on screen.
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
// Line and paragraph breaks of every kind become a space: a value is one line.
const BREAKS = /[\r\n\t\v\f\u0085\u2028\u2029]+/g;
// Control characters, and the three that X refuses in a post (U+FEFF, U+FFFE, U+FFFF).
const CONTROLS = /[\u0000-\u001F\u007F-\u009F\uFEFF\uFFFE\uFFFF]/g;

/** A value from outside made safe to put into a reply: one line, trimmed, no controls or bidi overrides. */
export function cleanValue(value: string): string {
  return value.replace(BREAKS, ' ').replace(CONTROLS, '').replace(BIDI, '').replace(/ {2,}/g, ' ').trim();
}

/**
 * Renders `body` with `values` (from the post and settings) and `fills` (what the agent typed into the
 * fields). Problems are listed once each, in order of appearance.
 */
export function renderTemplate(body: string, values: TemplateValues, fills: TemplateFills = {}): RenderedTemplate {
  const problems: TemplateProblem[] = [];
  const report = (kind: TemplateProblem['kind'], variable: string) => {
    if (!problems.some((p) => p.kind === kind && p.variable === variable)) problems.push({ kind, variable });
  };
  let text = '';
  let cursor: number | undefined;
  let from = 0;
  for (const match of body.matchAll(PLACEHOLDER)) {
    const start = match.index;
    const end = start + match[0].length;
    text += body.slice(from, start);
    from = end;
    const placeholder = parsePlaceholder(match[1] ?? '');
    switch (placeholder.kind) {
      case 'cursor':
        cursor ??= text.length;
        break;
      case 'field': {
        const value = cleanValue(fills[placeholder.label] ?? '');
        if (value) text += value;
        else {
          report('unfilled', placeholder.label);
          text += `[${placeholder.label}]`;
        }
        break;
      }
      case 'unknown':
        report('unknown', placeholder.name);
        text += match[0];
        break;
      case 'variable': {
        const variable = canonicalVariable(placeholder.name);
        if (!variable) {
          report('unknown', placeholder.name);
          text += match[0];
          break;
        }
        const value = cleanValue(values[variable] ?? '');
        if (value) text += value;
        else if (placeholder.fallback === undefined && !AGENT_VARIABLES.has(variable)) {
          report('empty', placeholder.name);
          text += match[0];
        } else if (placeholder.fallback) text += placeholder.fallback;
        else {
          if (placeholder.fallback === undefined) report('empty', placeholder.name);
          if (text.endsWith(' ') && /^(?:$|[\s,.!?;:)])/.test(body.slice(end))) {
            // Left out ('' fallback, or an agent value not set): take the space before it along, so
            // "Hoi {{voornaam || ''}}," reads "Hoi," and not "Hoi ,".
            text = text.slice(0, -1);
            if (cursor !== undefined) cursor = Math.min(cursor, text.length);
          }
        }
        break;
      }
    }
  }
  text += body.slice(from);
  return cursor === undefined ? { text, problems } : { text, problems, cursor };
}

/** The first word of a display name, without emoji or decoration ("Jan de Vries 🌷" → "Jan"). */
export function firstName(displayName: string): string {
  const word = cleanValue(displayName).split(/\s+/)[0] ?? '';
  return /^[\p{L}][\p{L}'’-]*$/u.test(word) ? word : '';
}
