/** Carries out a queue action's requests (queue-actions.ts) through `cases/bulk`, and names the action in words. */
import type { Case } from '../domain/case';
import type { Tag } from '../domain/tag';
import { send } from '../protocol/client';
import { statusLabel } from '../ui/chips';
import { t } from '../ui/i18n';
import { chunks, tagTurnsOn, type BulkRequest, type QueueAction } from './queue-actions';

/** Sends every request (in chunks the background accepts), one after another; sums what they changed. */
export async function sendAll(requests: readonly BulkRequest[]): Promise<{ updated: number; skipped: Array<{ reason: string }> }> {
  let updated = 0;
  const skipped: Array<{ reason: string }> = [];
  for (const r of requests.flatMap((x) => chunks(x))) {
    const res = await send('cases/bulk', { ids: r.ids, patch: r.patch, ...(r.undo ? { undo: true as const } : {}) });
    updated += res.updated;
    skipped.push(...res.skipped);
  }
  return { updated, skipped };
}

/** "Status In behandeling", "Label Afval erop", "Genomen", "Geen reactie nodig (Spam)". */
export function actionWord(action: QueueAction, on: readonly Case[], tags: Tag[] | undefined): string {
  switch (action.kind) {
    case 'status':
      return t('queueActionStatus', statusLabel(action.status));
    case 'tag':
      return t(tagTurnsOn(action.tag, on) ? 'queueActionTagOn' : 'queueActionTagOff', tags?.find((x) => x.id === action.tag)?.label ?? action.tag);
    case 'take':
      return t('queueActionTake');
    case 'noReply':
      return t('queueActionNoReply', t(`noReply_${action.reason}`));
  }
}
