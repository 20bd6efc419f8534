/**
 * The toolbar icon's badge: the number of overdue cases on red; when none is overdue, the number of open
 * items on blue. The title says both in words. Recomputed after every change, on the SLA alarm and when the
 * worker starts — from IndexedDB, never from memory.
 */
import browser from 'webextension-polyfill';
import { countOpen, countOverdue } from '../storage/case-store';
import type { LoketDatabase } from '../storage/db';
import { t } from '../ui/i18n';

export const BADGE_OVERDUE = '#a4141c';
export const BADGE_OPEN = '#0b5cad';

export async function updateBadge(db: LoketDatabase, now: number): Promise<void> {
  const [open, overdue] = await Promise.all([countOpen(db), countOverdue(db, now)]);
  await browser.action.setBadgeText({ text: overdue > 0 ? String(overdue) : open > 0 ? String(open) : '' });
  await browser.action.setBadgeBackgroundColor({ color: overdue > 0 ? BADGE_OVERDUE : BADGE_OPEN });
  await browser.action.setTitle({ title: t('badgeTitle', String(overdue), String(open)) });
}
