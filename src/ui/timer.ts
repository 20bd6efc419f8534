/**
 * The response timer in words, shared by the toolbar in the page and the popup: the state first (never
 * colour alone), then office time waited and left. Office time, so a night or a weekend does not count.
 */
import type { Case } from '../domain/case';
import { isEstimatedTime } from '../domain/post-ref';
import type { OfficeCalendar } from '../domain/office-hours';
import { officeMsBetween } from '../domain/office-hours';
import { resolutionDue, timerFigures, type SlaPolicy } from '../domain/sla-policy';
import { slaState, type SlaState } from '../domain/sla-state';
import { formatDuration } from './format';
import { t } from './i18n';

export interface TimerView {
  text: string;
  state: SlaState;
}

export interface TimerPolicy {
  officeHours: OfficeCalendar;
  sla: SlaPolicy;
}

export function timerView(c: Case, now: number, policy: TimerPolicy): TimerView | undefined {
  const state = slaState(c, now, policy.sla.soonMs);
  const estimate = isEstimatedTime(c.postedAtSource) ? ` ${t(c.postedAtSource === 'page-relative' ? 'estimatedFromPage' : 'estimatedTime')}` : '';
  if (c.firstResponseAt !== undefined) {
    const answered = t('timerAnswered', formatDuration(officeMsBetween(c.postedAt, c.firstResponseAt, policy.officeHours))) + estimate;
    return { text: answered + resolution(c, now, policy), state };
  }
  if (c.status === 'closed') return undefined;
  const { elapsedMs, leftMs } = timerFigures(c.postedAt, c.dueAt, now, policy.officeHours);
  if (leftMs === undefined || state === 'none') {
    return { text: t(estimate ? 'timerWaitingEstimate' : 'timerWaiting', formatDuration(elapsedMs)), state };
  }
  const left = state === 'overdue' ? t('timerLate', formatDuration(Math.max(0, -leftMs))) : t('timerLeft', formatDuration(Math.max(0, leftMs)));
  return { text: `${t(`slaWord_${state}`)} · ${t('timerElapsed', formatDuration(elapsedMs))}${estimate} · ${left}`, state };
}

/** For an answered case still open, under a resolution target: the office time left to resolve it, or how late. */
function resolution(c: Case, now: number, policy: TimerPolicy): string {
  if (c.status === 'closed') return '';
  const due = resolutionDue(c.postedAt, c.site, policy.sla, policy.officeHours);
  if (due === undefined) return '';
  return now < due
    ? ` · ${t('timerResolveLeft', formatDuration(officeMsBetween(now, due, policy.officeHours)))}`
    : ` · ${t('timerResolveLate', formatDuration(officeMsBetween(due, now, policy.officeHours)))}`;
}
