/**
 * A case's history in the toolbar: every change with who and when, and the internal notes, with a field to
 * add one. Internal: it lives in the toolbar's closed shadow root, out of reach of the site's scripts.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CaseStatus } from '../domain/case';
import type { CaseEvent } from '../domain/case-event';
import type { Handover } from '../domain/handover';
import type { Tag } from '../domain/tag';
import { formatDateTime } from './format';
import { t } from './i18n';

export interface CaseHistoryProps {
  /** Undefined while loading. */
  events: CaseEvent[] | undefined;
  tags: Tag[] | undefined;
  onNote(text: string): void;
  onClose(): void;
  idPrefix: string;
}

const statusWord = (s: unknown) => t(`status_${s as CaseStatus}`);

export function describeEvent(e: CaseEvent, tags: Tag[] | undefined): string {
  if (e.kind === 'created') return t('historyCreated');
  if (e.kind === 'note') return t('historyNote', String(e.after ?? ''));
  switch (e.field) {
    case 'status':
      return t('historyStatus', statusWord(e.before), statusWord(e.after));
    case 'tags': {
      const ids = (e.after as string[] | undefined) ?? [];
      return t('historyTags', ids.map((id) => tags?.find((x) => x.id === id)?.label ?? id).join(', ') || '—');
    }
    case 'assignee':
      return e.after ? t('historyAssignee', String(e.after)) : t('historyUnassigned');
    case 'handover': {
      const h = e.after as Handover;
      return t('historyHandover', h.category, h.note);
    }
    case 'firstResponseAt':
      return t('historyAnswered');
    default:
      return t('historyDue');
  }
}

export function CaseHistory(props: CaseHistoryProps) {
  const [note, setNote] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  return (
    <div class="picker history" data-lk="history" onKeyDown={(e) => e.key === 'Escape' && props.onClose()}>
      <p class="heading">{t('historyHeading')}</p>
      {props.events === undefined ? (
        <p class="state">{t('popupLoading')}</p>
      ) : (
        <ol class="events" data-lk="events">
          {props.events.map((e, i) => (
            <li key={e.seq ?? i}>
              <span class="when">{formatDateTime(e.at)}</span> <span class="who">{e.actor || t('historyNobody')}</span>: {describeEvent(e, props.tags)}
            </li>
          ))}
        </ol>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (note.trim()) {
            props.onNote(note.trim());
            setNote('');
          }
        }}
      >
        <label class="field">
          <span>{t('noteLabel')}</span>
          <textarea
            ref={field}
            data-lk="note"
            rows={2}
            maxLength={2000}
            value={note}
            aria-describedby={`${props.idPrefix}-note-help`}
            onInput={(e) => setNote((e.currentTarget as HTMLTextAreaElement).value)}
          />
        </label>
        <small class="help" id={`${props.idPrefix}-note-help`}>
          {t('noteHelp')}
        </small>
        <button type="submit" data-lk="note-add">
          {t('noteAdd')}
        </button>
      </form>
    </div>
  );
}
