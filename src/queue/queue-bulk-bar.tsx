/**
 * The queue's selection bar (how many are selected, and the actions the keys also give, for the mouse) and
 * its KCC handover dialog (category and note, for the row in view or the selection).
 */
import type { ComponentChildren } from 'preact';
import { HandoverForm } from '../ui/handover-form';
import { t } from '../ui/i18n';

export interface BulkBarProps {
  count: number;
  canTake: boolean;
  onChoose(kind: 'status' | 'tags' | 'noReply'): void;
  onHandover(): void;
  onTake(): void;
  onClear(): void;
  /** More actions for the selection (the assign menu). */
  children?: ComponentChildren;
}

export function QueueBulkBar({ count, canTake, onChoose, onHandover, onTake, onClear, children }: BulkBarProps) {
  return (
    <div class="bulk" role="group" aria-label={t('selectedCount', String(count))} data-testid="queue-bulk">
      <span>{t('selectedCount', String(count))}</span>
      <button type="button" aria-haspopup="menu" onClick={() => onChoose('status')}>
        {t('queueChooseStatus')}
      </button>
      <button type="button" aria-haspopup="menu" onClick={() => onChoose('tags')}>
        {t('queueChooseTags')}
      </button>
      <button type="button" aria-haspopup="dialog" onClick={onHandover}>
        {t('queueHandoverButton')}
      </button>
      <button type="button" aria-haspopup="menu" onClick={() => onChoose('noReply')}>
        {t('noReplyLabel')}
      </button>
      {canTake && (
        <button type="button" onClick={onTake}>
          {t('assignToMe')}
        </button>
      )}
      {children}
      <button type="button" onClick={onClear}>
        {t('queueSelectionClear')}
      </button>
    </div>
  );
}

export function QueueHandover({ forWhom, onClose, onSubmit }: { forWhom: string; onClose(): void; onSubmit(category: string, note: string): void }) {
  return (
    <div class="queue-dialog" role="dialog" aria-modal="true" aria-label={t('queueHandoverFor', forWhom)}>
      <p class="muted">{forWhom}</p>
      <HandoverForm idPrefix="queue" onClose={onClose} onSubmit={onSubmit} />
    </div>
  );
}
