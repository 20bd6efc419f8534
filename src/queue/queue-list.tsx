/**
 * The queue's virtualised list. Rows have one fixed height and only those in view (and a few either side)
 * are in the DOM. The list keeps its own scroll position, so scrolling draws this component only, not the
 * page around it; rows are keyed by their case, so scrolling removes the rows that leave and adds the rows
 * that come, and the rows in between are neither moved nor drawn again (their case, place and state are
 * unchanged). Keyed by slot instead (index modulo the window's size, to reuse a row's elements), the keys
 * rotated as the list scrolled, the diff moved most rows in the DOM, and the browser laid out and styled all
 * of them again every frame: 570 of 728 layout objects dirty per frame against 77, 42 fps against 60 (the
 * benchmark, 2026-12-03). Timers tick by themselves (live-timer.tsx).
 */
import { memo } from 'preact/compat';
import { useEffect, useImperativeHandle, useRef, useState } from 'preact/hooks';
import type { Ref } from 'preact';
import type { Case } from '../domain/case';
import { caseReference } from '../domain/case-id';
import { kccStateOf } from '../domain/handover';
import { siteLabel } from '../domain/site';
import type { Tag } from '../domain/tag';
import type { Settings } from '../protocol/messages';
import { statusLabel, TagChips } from '../ui/chips';
import { snippet } from '../ui/format';
import { t } from '../ui/i18n';
import { kccStateWord } from '../ui/kcc-line';
import { LiveTimer } from '../ui/live-timer';
import { visibleRange } from './queue-model';

export const ROW_HEIGHT = 64;
const OVERSCAN = 8;

/** What a row's buttons and keys ask of the page. */
export type RowCommand = 'open' | 'select' | 'selectRange' | 'status' | 'tags' | 'noReply' | 'handover' | 'take' | 'focus';

export interface QueueListHandle {
  /** Scrolls the row into view (the least scrolling that shows it all). */
  reveal(index: number): void;
}

export interface QueueListProps {
  cases: readonly Case[];
  active: number;
  selected: ReadonlySet<string>;
  settings: Settings;
  tags: Tag[] | undefined;
  me: string;
  onCommand(index: number, command: RowCommand): void;
  handle: Ref<QueueListHandle>;
}

export function QueueList({ cases, active, selected, settings, tags, me, onCommand, handle }: QueueListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // The first row in view, not the scroll offset: scrolling within a row draws nothing.
  const [firstRow, setFirstRow] = useState(0);
  const [viewport, setViewport] = useState(600);
  useEffect(() => {
    const measure = () => setViewport(scroller.current?.clientHeight || window.innerHeight);
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);
  useImperativeHandle(handle, () => ({
    reveal(index: number) {
      const el = scroller.current;
      if (!el) return;
      const top = index * ROW_HEIGHT;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
      setFirstRow(Math.floor(el.scrollTop / ROW_HEIGHT));
    },
  }));
  // Back to the top when the list is filtered shorter than where it was scrolled.
  useEffect(() => {
    if (firstRow * ROW_HEIGHT > cases.length * ROW_HEIGHT && scroller.current) {
      scroller.current.scrollTop = 0;
      setFirstRow(0);
    }
  }, [cases.length]);

  const range = visibleRange(firstRow * ROW_HEIGHT, viewport, ROW_HEIGHT, cases.length, OVERSCAN);
  const rows = [];
  for (let index = range.start; index < range.end; index++) {
    const c = cases[index]!;
    rows.push(
      <QueueRow
        key={c.id}
        item={c}
        index={index}
        count={cases.length}
        active={index === active}
        selected={selected.has(c.id)}
        settings={settings}
        tags={tags}
        me={me}
        onCommand={onCommand}
      />,
    );
  }
  return (
    <div
      class="queue-scroll"
      ref={scroller}
      onScroll={(e) => {
        const next = Math.floor((e.currentTarget as HTMLDivElement).scrollTop / ROW_HEIGHT);
        if (next !== firstRow) setFirstRow(next);
      }}
      data-testid="queue-scroll"
    >
      {cases.length > 0 && (
        <ul class="queue-list" aria-label={t('queueTitle')} aria-describedby="queue-keys" style={{ height: `${cases.length * ROW_HEIGHT}px` }}>
          {rows}
        </ul>
      )}
    </div>
  );
}

interface RowProps {
  item: Case;
  index: number;
  count: number;
  active: boolean;
  selected: boolean;
  settings: Settings;
  tags: Tag[] | undefined;
  me: string;
  /** One function for every row (the page's), so a row's props are equal when what it shows is. */
  onCommand(index: number, command: RowCommand): void;
}

/** Drawn again only when one of its props changed (a pushed case is a new object; a tick changes nothing here). */
const QueueRow = memo(function QueueRow({ item, index, count, active, selected, settings, tags, me, onCommand }: RowProps) {
  const name = item.author.name;
  const cmd = (command: RowCommand) => () => onCommand(index, command);
  return (
    <li
      data-case-id={item.id}
      class={`queue-row${active ? ' active' : ''}${selected ? ' selected' : ''}`}
      style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }}
      aria-posinset={index + 1}
      aria-setsize={count}
      aria-current={active ? 'true' : undefined}
      onFocusCapture={cmd('focus')}
    >
      <input
        type="checkbox"
        checked={selected}
        onClick={(e) => {
          // Shift+click selects the range from the active row. The click is not cancelled: a cancelled click
          // puts the box back after the handler, and so after the list drew the new selection in it.
          onCommand(index, e.shiftKey ? 'selectRange' : 'select');
        }}
        aria-label={t('selectCase', name)}
      />
      <span class="channel">{siteLabel(item.site)}</span>
      <LiveTimer item={item} policy={settings} />
      <a
        class="open"
        href={item.url}
        data-control="open"
        title={caseReference(item.id)}
        onClick={(e) => {
          e.preventDefault();
          onCommand(index, 'open');
        }}
      >
        <strong>{name}</strong> {snippet(item.text, 120) || item.url}
      </a>
      <span class="assignee">{item.assignee ? (item.assignee === me ? t('assignedToMe') : t('assignedTo', item.assignee)) : t('queueUnassigned')}</span>
      {item.handover && (
        <span class="kcc-state" data-kcc-state={kccStateOf(item)} title={item.kcc?.answer ?? ''}>
          {t('kccStateLine', kccStateWord(kccStateOf(item)!))}
        </span>
      )}
      {item.tags.length > 0 && <TagChips ids={item.tags} tags={tags} />}
      <span class="row-buttons">
        <button type="button" data-control="status" aria-haspopup="menu" aria-label={t('queueStatusOf', name, statusLabel(item.status))} onClick={cmd('status')}>
          {statusLabel(item.status)}
        </button>
        <button type="button" data-control="tags" aria-haspopup="menu" aria-label={t('queueLabelsOf', name)} onClick={cmd('tags')}>
          {t('queueLabelsButton')}
        </button>
        <button type="button" data-control="handover" aria-haspopup="dialog" aria-label={t('queueHandoverOf', name)} onClick={cmd('handover')}>
          {t('queueHandoverButton')}
        </button>
        {item.status !== 'closed' && (
          <button type="button" data-control="no-reply" aria-haspopup="menu" aria-label={t('noReplyOf', name)} onClick={cmd('noReply')}>
            {t('queueNoReplyButton')}
          </button>
        )}
        {me && !item.assignee && (
          <button type="button" data-control="take" aria-label={t('assignToMeLabel', name)} onClick={cmd('take')}>
            {t('assignToMe')}
          </button>
        )}
      </span>
    </li>
  );
});
