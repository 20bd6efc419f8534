/**
 * The one description of a history event ("status: Nieuw → Wacht op inwoner"), for the toolbar's history,
 * the access export and the archive. The rules (which words for which change, tag ids as labels, data from
 * an older or foreign version described safely) are here once; the words come in a language: Dutch here
 * (the exports are Dutch documents), the browser's language in the toolbar (ui/case-history.tsx builds
 * EventWords from the message catalogue, whose Dutch words a unit test holds equal to these).
 */
import { CASE_STATUSES, type CaseStatus } from '../domain/case';
import { intakeOf, replyOf, type CaseEvent } from '../domain/case-event';
import { INTAKE_REASONS, type IntakeReason } from '../domain/intake-rules';
import type { Handover } from '../domain/handover';
import { siteLabel, type Site } from '../domain/site';
import { isNoReplyReason, type NoReplyReason } from '../domain/no-reply';
import type { Tag } from '../domain/tag';

/** The words of a history in one language. Plain text: escape before use in HTML. */
export interface EventWords {
  created: string;
  /** Automatic intake made the case: why (the rule) and what matched. */
  intake(reason: IntakeReason, detail: string): string;
  note(text: string): string;
  /** Another case of the same post (its id) was merged into this one. */
  merged(id: string): string;
  status(from: string, to: string): string;
  /** The tags after the change, as labels; '—' when none are left. */
  tags(labels: string): string;
  assignee(name: string): string;
  /** Taken over or passed on: from one agent to another. */
  reassigned(from: string, to: string): string;
  unassigned: string;
  /** Released to the pool by or from this agent. */
  released(from: string): string;
  handover(category: string, note: string): string;
  answered: string;
  /** A reply of ours kept with the case: its text, and its link. */
  reply(text: string, url: string): string;
  /** The same, for a reply Loket did not see sent (written elsewhere, seen on the thread). */
  replyElsewhere(text: string, url: string): string;
  due: string;
  /** Closed as "no reply needed", with the reason in words. */
  noReply(reason: string): string;
  /** The "no reply needed" reason taken off (the case was reopened). */
  noReplyCleared: string;
  noReplyReasonName(reason: NoReplyReason): string;
  /** The handover went out (csv, json, mail). Optional: falls back to Dutch. */
  handoverExported?(via: string): string;
  /** The handover was taken back (a template's actions undone). */
  handoverRemoved?: string;
  /** The KCC's progress: its state in words, and its answer or reference ('' when none). */
  kcc?(state: string, answer: string): string;
  /** A KCC state in words. */
  kccStateName?(state: string): string;
  /** A change to a field this version does not know (from a later version, through sync). */
  changed: string;
  statusName(status: CaseStatus): string;
}

const STATUS_NAMES: Record<CaseStatus, string> = {
  new: 'Nieuw',
  in_progress: 'In behandeling',
  waiting: 'Wacht op inwoner',
  handed_over: 'Doorgezet naar KCC',
  closed: 'Gesloten',
};

const NO_REPLY_NAMES: Record<NoReplyReason, string> = {
  thanks: 'bedankje',
  spam: 'spam',
  off_topic: 'niet voor ons',
  answered_elsewhere: 'elders beantwoord',
};

const INTAKE_WORDS: Record<IntakeReason, string> = {
  mention: 'noemt',
  reply: 'antwoord aan',
  'page-comment': 'reactie op een bericht van',
  'visitor-post': 'bericht op de pagina',
  keyword: 'bevat',
};

export const DUTCH_EVENT_WORDS: EventWords = {
  created: 'zaak gemaakt',
  intake: (reason, detail) => `automatisch opgepakt: ${INTAKE_WORDS[reason]} ${detail}`,
  note: (text) => `notitie: ${text}`,
  merged: (id) => `samengevoegd met ${id} (hetzelfde bericht)`,
  status: (from, to) => `status: ${from} → ${to}`,
  tags: (labels) => `labels: ${labels}`,
  assignee: (name) => `toegewezen aan ${name}`,
  reassigned: (from, to) => `toegewezen aan ${to} (was ${from})`,
  unassigned: 'niet meer toegewezen',
  released: (from) => `vrijgegeven (was ${from})`,
  handover: (category, note) => `doorgezet naar KCC (${category}): ${note}`,
  answered: 'eerste antwoord gegeven',
  reply: (text, url) => `antwoord: ${text} (${url})`,
  replyElsewhere: (text, url) => `antwoord, buiten Loket geschreven: ${text} (${url})`,
  due: 'uiterlijk antwoorden gewijzigd',
  changed: 'gewijzigd',
  noReply: (reason) => `gesloten zonder reactie: ${reason}`,
  noReplyCleared: 'weer geopend (had geen reactie nodig)',
  noReplyReasonName: (reason) => NO_REPLY_NAMES[reason],
  handoverExported: (via) => `overdracht geëxporteerd (${via})`,
  handoverRemoved: 'overdracht aan KCC ongedaan gemaakt',
  kcc: (state, answer) => `KCC: ${state}${answer ? ` — ${answer}` : ''}`,
  kccStateName: (state) => KCC_STATE_NAMES[state] ?? state,
  statusName: (status) => STATUS_NAMES[status],
};

const KCC_STATE_NAMES: Record<string, string> = { received: 'ontvangen', in_progress: 'in behandeling', answered: 'beantwoord' };

/** A site's name as the exports write it: its label in the site registry. */
export function siteName(site: Site): string {
  return siteLabel(site);
}

/** A status in words; a value that is no status (from a later version) as it is. */
export function statusName(status: unknown, words: EventWords = DUTCH_EVENT_WORDS): string {
  return (CASE_STATUSES as readonly unknown[]).includes(status) ? words.statusName(status as CaseStatus) : String(status ?? '');
}

/** One audit event in words (Dutch unless told otherwise). Plain text: escape before use in HTML. */
export function describeEvent(e: CaseEvent, tagLabel: (id: string) => string = (id) => id, words: EventWords = DUTCH_EVENT_WORDS): string {
  if (e.kind === 'created') return words.created;
  if (e.kind === 'intake') {
    const r = intakeOf(e);
    return r && (INTAKE_REASONS as readonly string[]).includes(r.reason) ? words.intake(r.reason as IntakeReason, r.detail) : words.created;
  }
  if (e.kind === 'note') return words.note(String(e.after ?? ''));
  if (e.kind === 'merged') return words.merged(String(e.before ?? ''));
  if (e.kind === 'reply') {
    const r = replyOf(e);
    if (!r) return words.changed;
    return r.via === 'loket' ? words.reply(r.text, r.url) : words.replyElsewhere(r.text, r.url);
  }
  switch (e.field) {
    case 'status':
      return words.status(statusName(e.before, words), statusName(e.after, words));
    case 'tags': {
      const ids = Array.isArray(e.after) ? e.after.map(String) : [];
      return words.tags(ids.map(tagLabel).join(', ') || '—');
    }
    case 'assignee':
      if (e.after) return e.before ? words.reassigned(String(e.before), String(e.after)) : words.assignee(String(e.after));
      return e.before ? words.released(String(e.before)) : words.unassigned;
    case 'handover': {
      const h = (e.after ?? null) as Partial<Handover> | null;
      if (!h) return words.handoverRemoved ?? DUTCH_EVENT_WORDS.handoverRemoved!;
      const before = (e.before ?? null) as Partial<Handover> | null;
      // The same handover with one more export: an export, not a new handover.
      if (before && before.at === h.at && (h.exports?.length ?? 0) > (before.exports?.length ?? 0)) {
        return (words.handoverExported ?? DUTCH_EVENT_WORDS.handoverExported!)(String(h.exports!.at(-1)?.via ?? '').toUpperCase());
      }
      return words.handover(String(h.category ?? ''), String(h.note ?? ''));
    }
    case 'kcc': {
      const k = (e.after ?? null) as { state?: unknown; answer?: unknown; reference?: unknown } | null;
      const state = k ? String(k.state ?? '') : '';
      const stateName = (words.kccStateName ?? DUTCH_EVENT_WORDS.kccStateName!)(state || 'received');
      return (words.kcc ?? DUTCH_EVENT_WORDS.kcc!)(stateName, [k?.answer, k?.reference].filter((v) => typeof v === 'string' && v).join(' · '));
    }
    case 'firstResponseAt':
      return words.answered;
    case 'dueAt':
      return words.due;
    case 'noReplyReason':
      return isNoReplyReason(e.after) ? words.noReply(words.noReplyReasonName(e.after)) : words.noReplyCleared;
    default:
      return words.changed;
  }
}

/** Tag ids to labels, falling back to the id for a tag that no longer exists. */
export function tagLabeller(tags: readonly Tag[] | undefined): (id: string) => string {
  const labels = new Map((tags ?? []).map((t) => [t.id, t.label]));
  return (id) => labels.get(id) ?? id;
}

