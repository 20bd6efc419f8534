/**
 * Handing a case over to the customer contact centre (KCC): the categories a KCC works with (the
 * organisation's policy may name its own, `kcc.categories`), what a handover records, how it was exported,
 * and the KCC's own progress on it (received → in progress → answered, with its answer or reference).
 * The export formats (CSV, JSON, a prepared e-mail) are in src/exports/handover-export.ts; the KCC's answer
 * file in kcc-answer-file.ts.
 */

/** The categories when the organisation's policy names none. */
export const KCC_CATEGORIES = ['Afval', 'Burgerzaken', 'Parkeren', 'Openbare ruimte', 'WMO/zorg', 'Belastingen', 'Verkeer', 'Vergunningen', 'Overig'] as const;

export const HANDOVER_EXPORT_VIAS = ['csv', 'json', 'mail'] as const;
export type HandoverExportVia = (typeof HANDOVER_EXPORT_VIAS)[number];

/** One export of a handover: when, in which form, by whom. */
export interface HandoverExport {
  at: number;
  via: HandoverExportVia;
  by: string;
}

export interface Handover {
  category: string;
  note: string;
  at: number;
  agent: string;
  /** Every time this handover went out (a file or a mail), oldest first; absent: never exported. */
  exports?: HandoverExport[];
}

/** Where the KCC is with a handover; 'received' is also the state of a handover the KCC has not touched. */
export const KCC_STATES = ['received', 'in_progress', 'answered'] as const;
export type KccState = (typeof KCC_STATES)[number];

/** The KCC's progress on the case's current handover: set by a KCC agent (team sync) or by an answer file. */
export interface KccProgress {
  state: KccState;
  /** The KCC's answer, for webcare to post (or to base the reply on). */
  answer?: string;
  /** The KCC's own reference (its ticket number). */
  reference?: string;
  by: string;
  at: number;
}

/** At most this many exports are kept per handover (the first and the latest ones matter). */
export const MAX_EXPORTS = 20;

export function wasExported(h: Pick<Handover, 'exports'>): boolean {
  return (h.exports?.length ?? 0) > 0;
}

export function lastExport(h: Pick<Handover, 'exports'>): HandoverExport | undefined {
  return h.exports?.at(-1);
}

/** The KCC state of a case: undefined when it has no handover. */
export function kccStateOf(c: { handover?: Handover; kcc?: KccProgress }): KccState | undefined {
  if (!c.handover) return undefined;
  return c.kcc?.state ?? 'received';
}

/** The organisation's KCC set-up (policy `kcc`), with Loket's defaults. */
export interface KccConfig {
  /** The KCC's e-mail address for "send by e-mail"; empty when the policy names none. */
  email: string;
  categories: string[];
}

export function kccConfig(policy: { email?: string; categories?: readonly string[] } | undefined): KccConfig {
  return {
    email: policy?.email ?? '',
    categories: policy?.categories?.length ? [...policy.categories] : [...KCC_CATEGORIES],
  };
}

/** A member of the team as the organisation's policy lists it (policy `team`). */
export interface TeamMember {
  name: string;
  role: 'webcare' | 'kcc' | 'lead';
}

/**
 * Whether this agent works for the KCC: when the policy lists the team, its role there decides; without a
 * team list, the agent's own setting ("Ik werk voor het KCC").
 */
export function worksForKcc(agentName: string, team: readonly TeamMember[] | undefined, ownSetting: boolean | undefined): boolean {
  const name = agentName.trim().toLocaleLowerCase('nl');
  if (team && team.length > 0) return team.some((m) => m.role === 'kcc' && name !== '' && m.name.trim().toLocaleLowerCase('nl') === name);
  return ownSetting === true;
}
