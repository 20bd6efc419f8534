/**
 * Alerts before and at a breach of the response promise: a notification when a case the agent is alerted
 * for (domain/alert-audience.ts: theirs; nobody's, or a colleague's who is away or unseen; every overdue case
 * for a lead) becomes "soon" and when it becomes overdue. One alarm, set for the next moment anything
 * changes state; what was shown is remembered in IndexedDB, so a restart of the worker or the browser
 * never shows an alert twice, and one that fell due while the browser was closed is shown once it starts.
 */
import browser from 'webextension-polyfill';
import type { Case } from '../domain/case';
import { slaState } from '../domain/sla-state';
import type { Settings } from '../protocol/messages';
import { listOpenByDue } from '../storage/case-store';
import type { LoketDatabase } from '../storage/db';
import { loadSettings } from '../storage/settings';
import { updateBadge } from './badge';
import { database } from './database';
import { t } from '../ui/i18n';
import { alertAudience, alerts, nextAudienceChange, type AudienceContext } from '../domain/alert-audience';
import type { TeamView } from '../protocol/messages';
import { teamView } from './team-view';

export const ALARM = 'loket-sla';
type AlertKind = 'soon' | 'overdue';

/** One alert per case, kind and due time: a due time that moves (new policy) may alert again. */
export const alertKey = (c: Case, kind: AlertKind) => `${c.id}|${kind}|${c.dueAt ?? ''}`;
export const notificationId = (c: Case) => `loket:${c.id}`;

/**
 * Shows the alerts due now and sets the alarm for the next one: the next state change of a case, or the next
 * moment the audience may change by the clock (an absence ending, a colleague becoming unseen).
 */
export async function checkAlerts(db: LoketDatabase, settings: Settings, now: number, team?: Pick<TeamView, 'members' | 'synced'>): Promise<void> {
  const soonMs = settings.sla.soonMs;
  const { members, synced } = team ?? (await teamView(db, now));
  const ctx: AudienceContext = { team: members, calendar: settings.officeHours, now, synced };
  const me = settings.agentName;
  const due: Array<{ c: Case; kind: AlertKind }> = [];
  let next = nextAudienceChange(ctx) ?? Number.POSITIVE_INFINITY;
  for (const c of await listOpenByDue(db)) {
    const state = slaState(c, now, soonMs);
    if (state === 'overdue') {
      if (alerts(me, alertAudience(c, 'overdue', ctx), members)) due.push({ c, kind: 'overdue' });
    } else if (state === 'soon') {
      if (alerts(me, alertAudience(c, 'soon', ctx), members)) due.push({ c, kind: 'soon' });
      // A lead is alerted when it becomes overdue even if not now.
      next = Math.min(next, c.dueAt!);
    } else if (state === 'ok') next = Math.min(next, c.dueAt! - soonMs);
  }
  const fresh = await claim(db, due, now);
  for (const { c, kind } of fresh) await notify(c, kind);
  if (Number.isFinite(next)) await browser.alarms.create(ALARM, { when: Math.max(next, now + 1_000) });
  else await browser.alarms.clear(ALARM);
}

/** Records the alerts not shown before, in one transaction, and returns them: only those are shown. */
async function claim(db: LoketDatabase, due: Array<{ c: Case; kind: AlertKind }>, now: number) {
  if (due.length === 0) return [];
  const tx = db.transaction('alerts', 'readwrite');
  const fresh: typeof due = [];
  for (const item of due) {
    const key = alertKey(item.c, item.kind);
    if (await tx.store.getKey(key)) continue;
    // An overdue case whose "soon" alert was never shown (the browser was closed) gets the overdue one only.
    await tx.store.put({ key, caseId: item.c.id, at: now });
    if (item.kind === 'overdue') await tx.store.put({ key: alertKey(item.c, 'soon'), caseId: item.c.id, at: now });
    fresh.push(item);
  }
  await tx.done;
  return fresh.filter((item) => item.kind === 'overdue' || !fresh.some((o) => o.c.id === item.c.id && o.kind === 'overdue'));
}

async function notify(c: Case, kind: AlertKind): Promise<void> {
  const who = c.author.name || c.author.handle || '';
  await browser.notifications
    .create(notificationId(c), {
      type: 'basic',
      iconUrl: browser.runtime.getURL('icons/icon-128.png'),
      title: t(kind === 'overdue' ? 'alertOverdueTitle' : 'alertSoonTitle', who),
      message: c.text.length > 180 ? `${c.text.slice(0, 179)}…` : c.text,
    })
    .catch(() => undefined);
}

/** The badge and the alerts follow the clock and every change: both redrawn from the database, never from memory. */
export async function refreshTimers(now: number = Date.now()): Promise<void> {
  const db = await database();
  await updateBadge(db, now).catch(() => undefined);
  await checkAlerts(db, await loadSettings(), now).catch(() => undefined);
}
