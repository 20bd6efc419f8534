/**
 * A case's history in the toolbar: every change with who and when, and the internal notes, with a field to
 * add one. Internal: it lives in the toolbar's closed shadow root, out of reach of the site's scripts.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CaseEvent } from '../domain/case-event';
import type { Tag } from '../domain/tag';
import { describeEvent as describeEventIn, tagLabeller, type EventWords } from '../exports/event-description';
import { formatDateTime } from './format';
import { t, type MessageKey } from './i18n';

export interface CaseHistoryProps {
  /** Undefined while loading. */
  events: CaseEvent[] | undefined;
  tags: Tag[] | undefined;
  onNote(text: string): void;
  onClose(): void;
  idPrefix: string;
}

/** The history's words in the browser's language (the rules are the exports' one description of an event). */
export function eventWords(): EventWords {
  return {
    created: t('historyCreated'),
    intake: (reason, detail) => t(`historyIntake_${reason === 'page-comment' ? 'page_comment' : reason === 'visitor-post' ? 'visitor_post' : reason}`, detail),
    note: (text) => t('historyNote', text),
    merged: (id) => t('historyMerged', id),
    status: (from, to) => t('historyStatus', from, to),
    tags: (labels) => t('historyTags', labels),
    assignee: (name) => t('historyAssignee', name),
    unassigned: t('historyUnassigned'),
    reassigned: (from, to) => t('historyReassigned', to, from),
    released: (from) => t('historyReleased', from),
    handover: (category, note) => t('historyHandover', category, note),
    answered: t('historyAnswered'),
    reply: (text, url) => t('historyReply', text, url),
    replyElsewhere: (text, url) => t('historyReplyElsewhere', text, url),
    due: t('historyDue'),
    changed: t('historyChanged'),
    noReply: (reason) => t('historyNoReply', reason),
    noReplyCleared: t('historyNoReplyCleared'),
    noReplyReasonName: (reason) => t(`noReply_${reason}`),
    handoverExported: (via) => t('historyHandoverExported', via),
    handoverRemoved: t('historyHandoverRemoved'),
    kcc: (state, answer) => (answer ? `${t('kccStateLine', state)} — ${answer}` : t('kccStateLine', state)),
    kccStateName: (state) => t(`kccState_${state}` as MessageKey),
    statusName: (status) => t(`status_${status}`),
  };
}

/** One event as a history line in the agent's language. */
export function describeEvent(e: CaseEvent, tags: Tag[] | undefined): string {
  return describeEventIn(e, tagLabeller(tags), eventWords());
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
