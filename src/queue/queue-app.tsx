/**
 * The work queue ("Werkbak"): every open case of the team, most urgent first, with the live timer, status,
 * tags, assignee and channel; filters and search over open and closed cases; bulk actions on a selection.
 * Kept current by the background's pushes (a changed case is put in its place, not the list read again).
 *
 * Keyboard (outside text fields): j/k move, Enter opens the post (the tab that shows it, else a new one),
 * Space selects, t takes the case, s status, l labels, h KCC handover, x no reply needed, / search.
 *
 * Virtualised: rows have one fixed height, and only the rows in view (and a few either side) are in the DOM,
 * so 5 000 cases scroll like 50.
 */
import { memo } from 'preact/compat';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { CASE_STATUSES, type Case, type CaseStatus } from '../domain/case';
import { NO_REPLY_REASONS, noReplyPatch, type NoReplyReason } from '../domain/no-reply';
import { SITES, siteLabel } from '../domain/site';
import type { Tag } from '../domain/tag';
import { onPush, send } from '../protocol/client';
import { DEFAULT_SETTINGS, type Settings } from '../protocol/messages';
import { statusLabel, TagChips } from '../ui/chips';
import { kccStateOf } from '../domain/handover';
import { kccStateWord } from '../ui/kcc-line';
import { formatDateTime, snippet } from '../ui/format';
import { HandoverForm } from '../ui/handover-form';
import { t } from '../ui/i18n';
import { focusOrOpen } from '../ui/open-post';
import { timerView } from '../ui/timer';
import { casesPostedBetween } from './queue-data';
import { DEFAULT_FILTERS, queueFilter, upsert, urgency, visibleRange, type QueueFilters } from './queue-model';

export const ROW_HEIGHT = 64;
/** The first read: about one screen of rows, drawn before the whole list is read. */
export const FIRST_ROWS = 20;
const DAY = 86_400_000;

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; cases: Case[] };

export interface QueueProps {
  readOpen: (limit?: number) => Promise<Case[]>;
  /** The most urgent screenful, asked for before the first drawing; the whole list follows. */
  firstRead: Promise<Case[]>;
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));

export function QueueApp({ readOpen, firstRead }: QueueProps) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [tags, setTags] = useState<Tag[] | undefined>(undefined);
  const [filters, setFilters] = useState<QueueFilters>(DEFAULT_FILTERS);
  const [active, setActive] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [now, setNow] = useState(Date.now());
  // The first row in view, not the scroll offset: scrolling within a row re-renders nothing.
  const [firstRow, setFirstRow] = useState(0);
  const [viewport, setViewport] = useState(600);
  const [handoverFor, setHandoverFor] = useState<Case | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const search = useRef<HTMLInputElement>(null);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  const load = (f: QueueFilters) => {
    const read = f.scope === 'open' ? readOpen() : casesPostedBetween(f.from ?? Date.now() - 30 * DAY, f.to ?? Date.now() + DAY).then((c) => [...c].sort(urgency));
    return read.then(
      (cases) => setState({ kind: 'ready', cases }),
      (e: unknown) => setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  };

  useEffect(() => {
    const lifetime = new AbortController();
    void firstRead
      .then(
        (cases) => setState((s) => (s.kind === 'ready' ? s : { kind: 'ready', cases })),
        () => undefined,
      )
      .then(() => load(DEFAULT_FILTERS));
    void send('settings/get', {}).then(setSettings, () => undefined);
    void send('tags/list', {}).then(setTags, () => undefined);
    onPush(
      {
        'case/changed': ({ case: c }) =>
          setState((s) => {
            if (s.kind !== 'ready') return s;
            const keep = filtersRef.current.scope === 'all' || c.status !== 'closed';
            return { kind: 'ready', cases: keep ? upsert(s.cases, c) : s.cases.filter((x) => x.id !== c.id) };
          }),
        'cases/removed': ({ ids }) =>
          setState((s) => (s.kind === 'ready' ? { kind: 'ready', cases: s.cases.filter((x) => !ids.includes(x.id)) } : s)),
        'settings/changed': ({ settings: next }) => setSettings(next),
      },
      lifetime.signal,
    );
    const ticker = setInterval(() => setNow(Date.now()), 30_000);
    const measure = () => setViewport(scroller.current?.clientHeight ?? window.innerHeight);
    measure();
    window.addEventListener('resize', measure);
    lifetime.signal.addEventListener('abort', () => {
      clearInterval(ticker);
      window.removeEventListener('resize', measure);
    });
    return () => lifetime.abort();
  }, []);

  const me = settings.agentName;
  const all = state.kind === 'ready' ? state.cases : [];
  const shown = useMemo(() => all.filter(queueFilter(filters, me)), [all, filters, me]);
  // The key handler reads these, not the last render's values: a key pressed before the next render (j then
  // t at once) acts on the row the agent moved to.
  const activeRef = useRef(active);
  const shownRef = useRef(shown);
  shownRef.current = shown;
  const chosen = useMemo(() => (selected.size === 0 ? [] : shown.filter((c) => selected.has(c.id))), [shown, selected]);
  const range = visibleRange(firstRow * ROW_HEIGHT, viewport, ROW_HEIGHT, shown.length);

  const setFilter = (patch: Partial<QueueFilters>) => {
    const next = { ...filters, ...patch };
    setFilters(next);
    activeRef.current = 0;
    setActive(0);
    if (patch.scope !== undefined || (next.scope === 'all' && (patch.from !== undefined || patch.to !== undefined))) void load(next);
  };
  const act = (work: Promise<unknown>, done?: string) =>
    work.then(
      () => setMessage(done ? { kind: 'ok', text: done } : null),
      (e: unknown) => setMessage({ kind: 'error', text: t('errorPrefix', e instanceof Error ? e.message : String(e)) }),
    );
  const bulk = (patch: { status?: CaseStatus; addTags?: string[]; assignee?: string; noReplyReason?: NoReplyReason }) =>
    act(
      send('cases/bulk', { ids: chosen.map((c) => c.id), patch }).then((r) => {
        setSelected(new Set());
        if (r.skipped.length > 0) throw new Error(t('bulkSkipped', String(r.skipped.length), r.skipped[0]!.reason));
      }),
    );
  const rowControl = (c: Case, name: string) => document.querySelector<HTMLElement>(`[data-case-id="${CSS.escape(c.id)}"] [data-control="${name}"]`);

  /** Moves the active row, scrolls it into view, and focuses its link once it is drawn. */
  const moveTo = (index: number) => {
    const list = shownRef.current;
    const i = Math.max(0, Math.min(list.length - 1, index));
    activeRef.current = i;
    setActive(i);
    const el = scroller.current;
    if (el) {
      const top = i * ROW_HEIGHT;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
      setFirstRow(Math.floor(el.scrollTop / ROW_HEIGHT));
    }
    const c = list[i];
    if (!c) return;
    const drawn = rowControl(c, 'open');
    if (drawn) drawn.focus();
    // Not drawn yet (scrolled into a new window): once it is, unless the agent has moved on.
    else requestAnimationFrame(() => activeRef.current === i && rowControl(c, 'open')?.focus());
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || handoverFor) return;
      if (isTyping(e.target)) {
        if (e.key === 'Escape' && e.target === search.current) moveTo(activeRef.current);
        return;
      }
      const active = activeRef.current;
      const c = shownRef.current[Math.min(active, shownRef.current.length - 1)];
      const key = e.key;
      if (key === '/') {
        e.preventDefault();
        search.current?.focus();
      } else if (key === 'j' || key === 'ArrowDown') {
        e.preventDefault();
        moveTo(active + 1);
      } else if (key === 'k' || key === 'ArrowUp') {
        e.preventDefault();
        moveTo(active - 1);
      } else if (!c) {
        return;
      } else if (key === 'Enter' && !(e.target instanceof HTMLButtonElement)) {
        e.preventDefault();
        void act(focusOrOpen(c.url));
      } else if (key === ' ' && !(e.target instanceof HTMLButtonElement)) {
        e.preventDefault();
        const next = new Set(selected);
        if (!next.delete(c.id)) next.add(c.id);
        setSelected(next);
      } else if (key === 't') {
        if (me) void act(send('case/update', { id: c.id, patch: { assignee: me } }), t('queueTaken'));
        else setMessage({ kind: 'error', text: t('needName') });
      } else if (key === 's') {
        e.preventDefault();
        rowControl(c, 'status')?.focus();
      } else if (key === 'l') {
        e.preventDefault();
        rowControl(c, 'label')?.focus();
      } else if (key === 'x') {
        e.preventDefault();
        rowControl(c, 'no-reply')?.focus();
      } else if (key === 'h') {
        e.preventDefault();
        setHandoverFor(c);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const dateValue = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString().slice(0, 10));
  const dateFrom = (value: string, end = false) => (value ? Date.parse(value) + (end ? DAY : 0) : null);

  return (
    <>
      <header class="queue-header">
        <h1>{t('queueTitle')}</h1>
        {state.kind === 'ready' && (
          <span class="muted" data-testid="queue-count" role="status">
            {t('queueCount', String(shown.length))}
          </span>
        )}
        <span class="spacer" />
        <a href="reports.html" target="_blank">
          {t('reportOpen')}
        </a>
        <a href="options.html" target="_blank">
          {t('openOptions')}
        </a>
      </header>
      <main class="queue-main">
      <search class="queue-filters" aria-label={t('queueFilters')}>
        <label class="search-field">
          <span>{t('queueSearch')}</span>
          <input ref={search} type="search" value={filters.query} onInput={(e) => setFilter({ query: (e.currentTarget as HTMLInputElement).value })} />
        </label>
        <label>
          {t('queueScope')}
          <select value={filters.scope} onChange={(e) => setFilter({ scope: (e.currentTarget as HTMLSelectElement).value as QueueFilters['scope'] })}>
            <option value="open">{t('queueScopeOpen')}</option>
            <option value="all">{t('queueScopeAll')}</option>
          </select>
        </label>
        <label>
          {t('filterStatus')}
          <select value={filters.status} onChange={(e) => setFilter({ status: (e.currentTarget as HTMLSelectElement).value as QueueFilters['status'] })}>
            <option value="all">{t('filterAllStatuses')}</option>
            {CASE_STATUSES.map((s) => (
              <option value={s} key={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterSite')}
          <select value={filters.site} onChange={(e) => setFilter({ site: (e.currentTarget as HTMLSelectElement).value as QueueFilters['site'] })}>
            <option value="all">{t('filterAllSites')}</option>
            {SITES.map((site) => (
              <option value={site} key={site}>
                {siteLabel(site)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterTag')}
          <select value={filters.tag} onChange={(e) => setFilter({ tag: (e.currentTarget as HTMLSelectElement).value })}>
            <option value="all">{t('filterAllTags')}</option>
            {(tags ?? []).map((tag) => (
              <option value={tag.id} key={tag.id}>
                {tag.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('filterAssignee')}
          <select value={filters.assignee} onChange={(e) => setFilter({ assignee: (e.currentTarget as HTMLSelectElement).value as QueueFilters['assignee'] })}>
            <option value="all">{t('filterEveryone')}</option>
            <option value="mine">{t('filterMine')}</option>
            <option value="unassigned">{t('queueUnassigned')}</option>
          </select>
        </label>
        <label>
          {t('queueFrom')}
          <input type="date" value={dateValue(filters.from)} onChange={(e) => setFilter({ from: dateFrom((e.currentTarget as HTMLInputElement).value) })} />
        </label>
        <label>
          {t('queueTo')}
          <input type="date" value={dateValue(filters.to === null ? null : filters.to - DAY)} onChange={(e) => setFilter({ to: dateFrom((e.currentTarget as HTMLInputElement).value, true) })} />
        </label>
      </search>
      <p class="muted queue-keys" id="queue-keys">
        {t('queueKeys')}
      </p>
      {chosen.length > 0 && (
        <div class="bulk" role="group" aria-label={t('selectedCount', String(chosen.length))} data-testid="queue-bulk">
          <span>{t('selectedCount', String(chosen.length))}</span>
          <select aria-label={t('bulkStatus')} value="" onChange={(e) => (e.currentTarget as HTMLSelectElement).value && void bulk({ status: (e.currentTarget as HTMLSelectElement).value as CaseStatus })}>
            <option value="">{t('bulkStatusChoose')}</option>
            {CASE_STATUSES.filter((s) => s !== 'new').map((s) => (
              <option value={s} key={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
          <select aria-label={t('bulkTag')} value="" onChange={(e) => (e.currentTarget as HTMLSelectElement).value && void bulk({ addTags: [(e.currentTarget as HTMLSelectElement).value] })}>
            <option value="">{t('bulkTagChoose')}</option>
            {(tags ?? []).map((tag) => (
              <option value={tag.id} key={tag.id}>
                {tag.label}
              </option>
            ))}
          </select>
          <NoReplySelect label={t('noReplyLabel')} onReason={(reason) => void bulk(noReplyPatch(reason))} />
          {me && (
            <button type="button" onClick={() => void bulk({ assignee: me })}>
              {t('assignToMe')}
            </button>
          )}
        </div>
      )}
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} class={message.kind}>
          {message.text}
        </p>
      )}
      {handoverFor && (
        <div class="queue-dialog" role="dialog" aria-modal="true" aria-label={t('handoverHeading')}>
          <HandoverForm
            idPrefix="queue"
            onClose={() => setHandoverFor(null)}
            onSubmit={(category, note) => {
              const c = handoverFor;
              setHandoverFor(null);
              void act(send('case/handover', { id: c.id, category, note }), t('queueHandedOver'));
            }}
          />
        </div>
      )}
      {state.kind === 'loading' && <p class="loading">{t('popupLoading')}</p>}
      {state.kind === 'error' && (
        <p role="alert" class="error">
          {t('errorPrefix', state.message)}
        </p>
      )}
      {state.kind === 'ready' && shown.length === 0 && <p class="empty muted">{all.length === 0 ? t('popupEmpty') : t('noMatches')}</p>}
      <div class="queue-scroll" ref={scroller} onScroll={(e) => setFirstRow(Math.floor((e.currentTarget as HTMLDivElement).scrollTop / ROW_HEIGHT))} data-testid="queue-scroll">
        {shown.length > 0 && (
          <ul class="queue-list" aria-label={t('queueTitle')} aria-describedby="queue-keys" style={{ height: `${shown.length * ROW_HEIGHT}px` }}>
            {shown.slice(range.start, range.end).map((c, offset) => {
              const index = range.start + offset;
              return (
                <QueueRow
                  key={c.id}
                  item={c}
                  top={index * ROW_HEIGHT}
                  position={index + 1}
                  count={shown.length}
                  active={index === active}
                  selected={selected.has(c.id)}
                  now={now}
                  settings={settings}
                  tags={tags}
                  onFocus={() => {
                    activeRef.current = index;
                    setActive(index);
                  }}
                  onSelect={() => {
                    const next = new Set(selected);
                    if (!next.delete(c.id)) next.add(c.id);
                    setSelected(next);
                  }}
                  onStatus={(status) => void act(send('case/update', { id: c.id, patch: { status } }))}
                  onTag={(tag) => void act(send('case/update', { id: c.id, patch: { addTags: [tag] } }))}
                  onNoReply={(reason) => void act(send('case/no-reply', { id: c.id, reason }), t('queueNoReplyDone'))}
                />
              );
            })}
          </ul>
        )}
      </div>
      </main>
    </>
  );
}

function NoReplySelect({ label, onReason, control }: { label: string; onReason(reason: NoReplyReason): void; control?: string }) {
  return (
    <select
      aria-label={label}
      data-control={control}
      value=""
      onChange={(e) => {
        const v = (e.currentTarget as HTMLSelectElement).value;
        if ((NO_REPLY_REASONS as readonly string[]).includes(v)) onReason(v as NoReplyReason);
      }}
    >
      <option value="">{t('noReplyChoose')}</option>
      {NO_REPLY_REASONS.map((r) => (
        <option value={r} key={r}>
          {t(`noReply_${r}`)}
        </option>
      ))}
    </select>
  );
}

interface RowProps {
  item: Case;
  top: number;
  position: number;
  count: number;
  active: boolean;
  selected: boolean;
  now: number;
  settings: Settings;
  tags: Tag[] | undefined;
  onFocus(): void;
  onSelect(): void;
  onStatus(status: CaseStatus): void;
  onTag(tag: string): void;
  onNoReply(reason: NoReplyReason): void;
}

/** A row re-renders only when what it shows changed (its callbacks are new on every render of the list). */
const QueueRow = memo(
  QueueRowView,
  (a, b) =>
    a.item === b.item && a.top === b.top && a.position === b.position && a.count === b.count && a.active === b.active && a.selected === b.selected && a.now === b.now && a.settings === b.settings && a.tags === b.tags,
);

function QueueRowView({ item, top, position, count, active, selected, now, settings, tags, onFocus, onSelect, onStatus, onTag, onNoReply }: RowProps) {
  const timer = timerView(item, now, settings);
  const name = item.author.name;
  return (
    <li
      data-case-id={item.id}
      class={`queue-row sla-${timer?.state ?? 'none'}${active ? ' active' : ''}`}
      style={{ top: `${top}px`, height: `${ROW_HEIGHT}px` }}
      aria-posinset={position}
      aria-setsize={count}
      aria-current={active ? 'true' : undefined}
      onFocusCapture={onFocus}
    >
      <input type="checkbox" checked={selected} onChange={onSelect} aria-label={t('selectCase', name)} />
      <span class="channel">{siteLabel(item.site)}</span>
      <span class="timer" title={`${t('popupPostedAt')} ${formatDateTime(item.postedAt)}`}>
        {timer?.text ?? statusLabel(item.status)}
      </span>
      <a
        class="open"
        href={item.url}
        data-control="open"
        onClick={(e) => {
          e.preventDefault();
          void focusOrOpen(item.url);
        }}
      >
        <strong>{name}</strong> {snippet(item.text, 120) || item.url}
      </a>
      <span class="assignee">{item.assignee ? t('assignedTo', item.assignee) : t('queueUnassigned')}</span>
      {item.handover && (
        <span class="kcc-state" data-kcc-state={kccStateOf(item)} title={item.kcc?.answer ?? ''}>
          {t('kccStateLine', kccStateWord(kccStateOf(item)!))}
        </span>
      )}
      {item.tags.length > 0 && <TagChips ids={item.tags} tags={tags} />}
      <select aria-label={t('statusOf', name)} data-control="status" value={item.status} onChange={(e) => onStatus((e.currentTarget as HTMLSelectElement).value as CaseStatus)}>
        {CASE_STATUSES.map((s) => (
          <option value={s} key={s}>
            {statusLabel(s)}
          </option>
        ))}
      </select>
      <select aria-label={t('queueLabelOf', name)} data-control="label" value="" onChange={(e) => (e.currentTarget as HTMLSelectElement).value && onTag((e.currentTarget as HTMLSelectElement).value)}>
        <option value="">{t('bulkTagChoose')}</option>
        {(tags ?? []).filter((tag) => !item.tags.includes(tag.id)).map((tag) => (
          <option value={tag.id} key={tag.id}>
            {tag.label}
          </option>
        ))}
      </select>
      {item.status !== 'closed' && <NoReplySelect label={t('noReplyOf', name)} control="no-reply" onReason={onNoReply} />}
    </li>
  );
}
