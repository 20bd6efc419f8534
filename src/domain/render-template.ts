/**
 * Fills a template's {{variables}} from the post and the agent's settings.
 *   {{naam}}                       a variable (Dutch names; English aliases work too)
 *   {{voornaam || 'u'}}            a fallback when the value is empty
 * An unknown variable, or an empty one without fallback, is left visible in the text and reported, so the
 * agent never sends a reply with a silent blank.
 */

export const VARIABLES = ['naam', 'voornaam', 'handle', 'gemeente', 'medewerker', 'paraaf', 'zaaknummer', 'datum', 'tijd', 'kanaal'] as const;
export type VariableName = (typeof VARIABLES)[number];
export type TemplateValues = Partial<Record<VariableName, string>>;

const ALIASES: Record<string, VariableName> = {
  name: 'naam',
  firstname: 'voornaam',
  first_name: 'voornaam',
  municipality: 'gemeente',
  agent: 'medewerker',
  initials: 'paraaf',
  signature: 'paraaf',
  case: 'zaaknummer',
  casenumber: 'zaaknummer',
  date: 'datum',
  time: 'tijd',
  channel: 'kanaal',
};

export interface TemplateProblem {
  kind: 'unknown' | 'empty';
  variable: string;
}

export interface RenderedTemplate {
  text: string;
  problems: TemplateProblem[];
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_]+)\s*(?:\|\|\s*(?:'([^']*)'|"([^"]*)")\s*)?\}\}/g;

export function canonicalVariable(name: string): VariableName | null {
  const lower = name.toLowerCase();
  if ((VARIABLES as readonly string[]).includes(lower)) return lower as VariableName;
  return ALIASES[lower] ?? null;
}

export function renderTemplate(body: string, values: TemplateValues): RenderedTemplate {
  const problems: TemplateProblem[] = [];
  const text = body.replace(PLACEHOLDER, (whole, name: string, single?: string, double?: string) => {
    const fallback = single ?? double;
    const variable = canonicalVariable(name);
    if (!variable) {
      problems.push({ kind: 'unknown', variable: name });
      return whole;
    }
    const value = values[variable]?.trim();
    if (value) return value;
    if (fallback !== undefined) return fallback;
    problems.push({ kind: 'empty', variable: name });
    return whole;
  });
  return { text, problems };
}

/** The first word of a display name, without emoji or decoration ("Jan de Vries 🌷" → "Jan"). */
export function firstName(displayName: string): string {
  const word = displayName.trim().split(/\s+/)[0] ?? '';
  return /^[\p{L}][\p{L}'’-]*$/u.test(word) ? word : '';
}
