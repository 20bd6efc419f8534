/** The menu the queue's s, l and x keys open (status, labels, no-reply reason), for the cases it acts on. */
import type { JSX } from 'preact';
import type { Case, CaseStatus } from '../domain/case';
import type { NoReplyReason } from '../domain/no-reply';
import type { Tag } from '../domain/tag';
import { reasonItems, statusItems, tagItems } from '../ui/chooser-model';
import { ChooserMenu, type ChooserMenuProps } from '../ui/chooser-menu';
import { statusLabel } from '../ui/chips';
import { t } from '../ui/i18n';
import type { QueueAction } from './queue-actions';

export type ChooserKind = 'status' | 'tags' | 'noReply';

export interface QueueChooserProps {
  kind: ChooserKind;
  /** As they are now (a label turned on shows as on at once). */
  targets: Case[];
  tags: Tag[] | undefined;
  /** Whom it acts on, in words. */
  note: string;
  style: JSX.CSSProperties;
  onAction(action: QueueAction, on: Case[]): void;
  onClose: ChooserMenuProps['onClose'];
}

export function QueueChooser({ kind, targets, tags, note, style, onAction, onClose }: QueueChooserProps) {
  const items =
    kind === 'status'
      ? statusItems(targets, (s) => statusLabel(s as CaseStatus))
      : kind === 'tags'
        ? tagItems(tags ?? [], targets)
        : reasonItems((r) => t(`noReply_${r as NoReplyReason}`));
  const action = (id: string): QueueAction =>
    kind === 'status' ? { kind: 'status', status: id as CaseStatus } : kind === 'tags' ? { kind: 'tag', tag: id } : { kind: 'noReply', reason: id as NoReplyReason };
  return (
    <ChooserMenu
      key={kind}
      label={{ status: t('queueChooseStatus'), tags: t('queueChooseTags'), noReply: t('queueChooseNoReply') }[kind]}
      note={note}
      items={items}
      multi={kind === 'tags'}
      idPrefix="queue-chooser"
      style={style}
      onChoose={(id) => onAction(action(id), targets)}
      onClose={onClose}
    />
  );
}
