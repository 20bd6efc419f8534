/**
 * The work queue ("Werkbak"): every open case of the team, most urgent first, with the live timer, status,
 * tags, assignee and channel; filters and search over open and closed cases; the case in view with its
 * recorded replies beside the list. Kept current by the background's pushes (a changed case is put in its
 * place, not the list read again).
 *
 * Keyboard (outside text fields): j/k move, Enter opens the post (the tab that shows it, else a new one),
 * Space selects (Shift+click a range), and on the selection — or the active row when none is selected —
 * t takes, a assigns (a menu of the team), s status, l labels, h KCC handover, x no reply needed; u undoes the last of these, / searches,
 * Escape clears the selection. s, l and x open a chooser (chooser-menu.tsx); closing it puts the focus back
 * on the row. Each choice is one action, however many cases it changes (queue-actions.ts), and one undo.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { Case } from '../domain/case';
import type { CaseId } from '../domain/case-id';
import type { Tag } from '../domain/tag';
import { followSettings, onPush, send } from '../protocol/client';
import { DEFAULT_SETTINGS, type Settings } from '../protocol/messages';
import { AssignSelect } from '../ui/assign-select';
import { t } from '../ui/i18n';
import { focusOrOpen } from '../ui/open-post';
import { useTeam } from '../ui/team-data';
import { casesPostedBetween } from './queue-data';
import { plan, type BulkRequest, type QueueAction } from './queue-actions';
import { actionWord, sendAll } from './queue-send';
import { QueueBulkBar, QueueHandover } from './queue-bulk-bar';
import { QueueChooser, type ChooserKind } from './queue-chooser';
import { QueueFiltersBar } from './queue-filters-bar';
import { QueueList, type QueueListHandle, type RowCommand } from './queue-list';
import { DEFAULT_FILTERS, queueFilter, upsert, urgency, type QueueFilters } from './queue-model';
import { QueuePreview } from './queue-preview';

/** The first read: about one screen of rows, drawn before the whole list is read. */
export const FIRST_ROWS = 20;
const DAY = 86_400_000;

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; cases: Case[] };
type Chooser = { kind: ChooserKind; ids: CaseId[]; style: JSX.CSSProperties };
type Message = { kind: 'error' | 'ok'; text: string; undo?: BulkRequest[] };

export interface QueueProps {
  readOpen: (limit: number) => Promise<{ cases: Case[] }>;
  /** The most urgent screenful, asked for before the first drawing; the whole list follows. */
  firstRead: Promise<{ cases: Case[] }>;
}

/** The most open cases the queue lists. */
const OPEN_LIMIT = 10_000;

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName)) && !(target instanceof HTMLInputElement && target.type === 'checkbox');

const rowControl = (id: CaseId, name: string) => document.querySelector<HTMLElement>(`[data-case-id="${CSS.escape(id)}"] [data-control="${name}"]`);

export function QueueApp({ readOpen, firstRead }: QueueProps) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [tags, setTags] = useState<Tag[] | undefined>(undefined);
  const [filters, setFilters] = useState<QueueFilters>(DEFAULT_FILTERS);
  const [active, setActive] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [chooser, setChooser] = useState<Chooser | null>(null);
  const [handover, setHandover] = useState<CaseId[] | null>(null);
  const [message, showMessage] = useState<Message | null>(null);
  // Its undo is read from here, not the last render: "u" pressed the moment the change is reported undoes it.
  const messageRef = useRef<Message | null>(null);
  const setMessage = (m: Message | null) => {
    messageRef.current = m;
    showMessage(m);
  };
  const list = useRef<QueueListHandle>(null);
  const search = useRef<HTMLInputElement>(null);
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  const load = (f: QueueFilters) => {
    const read = f.scope === 'open' ? readOpen(OPEN_LIMIT).then((r) => r.cases) : casesPostedBetween(f.from ?? Date.now() - 30 * DAY, f.to ?? Date.now() + DAY).then((c) => [...c].sort(urgency));
    return read.then(
      (cases) => setState({ kind: 'ready', cases }),
      (e: unknown) => setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  };

  useEffect(() => {
    const lifetime = new AbortController();
    void firstRead
      .then(
        ({ cases }) => setState((s) => (s.kind === 'ready' ? s : { kind: 'ready', cases })),
        () => undefined,
      )
      .then(() => load(DEFAULT_FILTERS));
    void followSettings(lifetime.signal, setSettings).then(setSettings, () => undefined);
    void send('tags/list', {}).then(setTags, () => undefined);
    onPush(
      {
        'case/changed': ({ case: c }) =>
          setState((s) => {
            if (s.kind !== 'ready') return s;
            const keep = filtersRef.current.scope === 'all' || c.status !== 'closed';
            return { kind: 'ready', cases: keep ? upsert(s.cases, c) : s.cases.filter((x) => x.id !== c.id) };
          }),
        'cases/removed': ({ ids }) => setState((s) => (s.kind === 'ready' ? { kind: 'ready', cases: s.cases.filter((x) => !ids.includes(x.id)) } : s)),
      },
      lifetime.signal,
    );
    return () => lifetime.abort();
  }, []);

  const me = settings.agentName;
  const team = useTeam();
  const assignMenu = useRef<HTMLSpanElement>(null);
  const all = state.kind === 'ready' ? state.cases : [];
  const shown = useMemo(() => all.filter(queueFilter(filters, me)), [all, filters, me]);
  const byId = useMemo(() => new Map(all.map((c) => [c.id, c])), [all]);
  const chosen = useMemo(() => (selected.size === 0 ? [] : shown.filter((c) => selected.has(c.id))), [shown, selected]);
  // Handlers read these, not the last render's values: a key pressed before the next render (j then t at
  // once) acts on the row the agent moved to.
  const activeRef = useRef(active);
  const shownRef = useRef(shown);
  shownRef.current = shown;
  const chosenRef = useRef(chosen);
  chosenRef.current = chosen;
  const activeCase = shown[Math.min(active, shown.length - 1)];
  // A menu or the handover dialog is open; cleared at once on closing, so a key pressed right after acts on the row.
  const modal = useRef(false);
  modal.current = chooser !== null || handover !== null;

  const setFilter = (patch: Partial<QueueFilters>) => {
    const next = { ...filters, ...patch };
    setFilters(next);
    activeRef.current = 0;
    setActive(0);
    if (patch.scope !== undefined || (next.scope === 'all' && (patch.from !== undefined || patch.to !== undefined))) void load(next);
  };

  /** Moves the active row, scrolls it into view, and focuses its link once it is drawn. */
  const moveTo = (index: number) => {
    const rows = shownRef.current;
    const i = Math.max(0, Math.min(rows.length - 1, index));
    activeRef.current = i;
    setActive(i);
    list.current?.reveal(i);
    const c = rows[i];
    if (!c) return;
    const drawn = rowControl(c.id, 'open');
    if (drawn) drawn.focus();
    // Not drawn yet (scrolled into a new window): once it is, unless the agent has moved on.
    else requestAnimationFrame(() => activeRef.current === i && rowControl(c.id, 'open')?.focus());
  };

  /** The selection, or the active row when nothing is selected. */
  const targets = (): Case[] => {
    if (chosenRef.current.length > 0) return chosenRef.current;
    const c = shownRef.current[Math.min(activeRef.current, shownRef.current.length - 1)];
    return c ? [c] : [];
  };

  const fail = (e: unknown) => setMessage({ kind: 'error', text: t('errorPrefix', e instanceof Error ? e.message : String(e)) });

  const run = async (action: QueueAction, on: Case[]) => {
    const p = plan(action, on);
    if (p.requests.length === 0) {
      setMessage({ kind: p.refused > 0 ? 'error' : 'ok', text: p.refused > 0 ? t('queueRefused', String(p.refused)) : t('queueNothing') });
      return;
    }
    try {
      const { updated, skipped } = await sendAll(p.requests);
      const word = actionWord(action, on, tags);
      const extra = [p.refused > 0 ? t('queueRefused', String(p.refused)) : '', skipped.length > 0 ? t('bulkSkipped', String(skipped.length), skipped[0]!.reason) : ''].filter(Boolean).join(' ');
      setMessage({ kind: skipped.length > 0 ? 'error' : 'ok', text: `${t('queueDone', word, String(updated))}${extra ? ` ${extra}` : ''}`, undo: p.undo });
    } catch (e) {
      fail(e);
    }
  };

  const undo = async () => {
    const requests = messageRef.current?.undo;
    if (!requests) return;
    try {
      const { updated } = await sendAll(requests);
      setMessage({ kind: 'ok', text: t('queueUndone', String(updated)) });
    } catch (e) {
      fail(e);
    }
  };

  const openChooser = (kind: Chooser['kind']) => {
    const on = targets();
    if (on.length === 0) return;
    const at = rowControl(on[0]!.id, 'open')?.closest('li')?.getBoundingClientRect();
    const style: JSX.CSSProperties = at && chosenRef.current.length === 0 ? { top: `${Math.min(at.bottom, window.innerHeight - 260)}px`, left: `${at.left + 120}px` } : {};
    setChooser({ kind, ids: on.map((c) => c.id), style });
  };

  const take = () => {
    if (!me) setMessage({ kind: 'error', text: t('needName') });
    else void run({ kind: 'take', agent: me }, targets());
  };

  /** Assigns the selection (else the row in view) to a colleague, or releases it to the pool (null). */
  const assign = async (to: string | null) => {
    const ids = targets().map((c) => c.id);
    if (ids.length === 0) return;
    try {
      const r = await send('cases/assign', { ids, to });
      setSelected(new Set());
      if (r.skipped.length > 0) throw new Error(t('bulkSkipped', String(r.skipped.length), r.skipped[0]!.reason));
      setMessage({ kind: 'ok', text: to === null ? t('releaseDone') : t('assignDone', to) });
    } catch (e) {
      fail(e);
    }
  };

  const toggleSelected = (index: number, range: boolean) => {
    const rows = shownRef.current;
    const c = rows[index];
    if (!c) return;
    setSelected((prev) => {
      const next = new Set(prev);
      if (range) {
        const from = Math.min(activeRef.current, index);
        const to = Math.max(activeRef.current, index);
        for (let i = from; i <= to; i++) next.add(rows[i]!.id);
      } else if (!next.delete(c.id)) next.add(c.id);
      return next;
    });
    if (range) {
      activeRef.current = index;
      setActive(index);
    }
  };

  // One function for every row, so rows' props stay equal between renders (see QueueRow's memo).
  const onCommand = useCallback((index: number, command: RowCommand) => {
    const c = shownRef.current[index];
    if (!c) return;
    if (command === 'focus') {
      activeRef.current = index;
      setActive(index);
      return;
    }
    if (command === 'select' || command === 'selectRange') return toggleSelected(index, command === 'selectRange');
    activeRef.current = index;
    setActive(index);
    if (command === 'open') void focusOrOpen(c.url).catch(fail);
    // A row's own button acts on that row (or on the selection it belongs to).
    else if (command === 'take') void run({ kind: 'take', agent: me }, chosenRef.current.some((x) => x.id === c.id) ? chosenRef.current : [c]);
    else if (command === 'handover') setHandover((chosenRef.current.some((x) => x.id === c.id) ? chosenRef.current : [c]).map((x) => x.id));
    else openChooser(command);
  }, [me, tags]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || modal.current) return;
      if (isTyping(e.target)) {
        if (e.key === 'Escape' && e.target === search.current) moveTo(activeRef.current);
        return;
      }
      const key = e.key;
      const onButton = e.target instanceof HTMLButtonElement || (e.target instanceof HTMLInputElement && e.target.type === 'checkbox');
      const handled = () => e.preventDefault();
      if (key === '/') (handled(), search.current?.focus());
      else if (key === 'j' || key === 'ArrowDown') (handled(), moveTo(activeRef.current + 1));
      else if (key === 'k' || key === 'ArrowUp') (handled(), moveTo(activeRef.current - 1));
      else if (key === 'u' && messageRef.current?.undo) (handled(), void undo());
      else if (key === 'Escape' && chosenRef.current.length > 0) (handled(), setSelected(new Set()), setMessage({ kind: 'ok', text: t('queueSelectionCleared') }));
      else if (shownRef.current.length === 0) return;
      else if (key === 'Enter' && !onButton) (handled(), void focusOrOpen(shownRef.current[activeRef.current]!.url).catch(fail));
      else if (key === ' ' && !onButton) (handled(), toggleSelected(activeRef.current, e.shiftKey));
      else if (key === 't') (handled(), take());
      else if (key === 'a') {
        // The selection's assign menu; with nothing selected, the row in view is selected for it.
        handled();
        if (chosenRef.current.length === 0) toggleSelected(activeRef.current, false);
        requestAnimationFrame(() => requestAnimationFrame(() => assignMenu.current?.querySelector('select')?.focus()));
      }
      else if (key === 's') (handled(), openChooser('status'));
      else if (key === 'l') (handled(), openChooser('tags'));
      else if (key === 'x') (handled(), openChooser('noReply'));
      else if (key === 'h') (handled(), setHandover(targets().map((c) => c.id)));
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const backToRow = () => requestAnimationFrame(() => moveTo(activeRef.current));
  const forWhom = (ids: readonly CaseId[]) => (ids.length === 1 ? t('queueForOne', byId.get(ids[0]!)?.author.name ?? '') : t('queueForMany', String(ids.length)));

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
        <QueueFiltersBar filters={filters} tags={tags} onChange={setFilter} search={search} />
        <p class="muted queue-keys" id="queue-keys">
          {t('queueKeys')}
        </p>
        {chosen.length > 0 && (
          <QueueBulkBar
            count={chosen.length}
            canTake={Boolean(me)}
            onChoose={openChooser}
            onHandover={() => setHandover(chosen.map((c) => c.id))}
            onTake={take}
            onClear={() => setSelected(new Set())}
          >
            <span ref={assignMenu} class="assign-menu">
              <AssignSelect bulk me={me} team={team.members} now={Date.now()} onAssign={(to) => void assign(to)} label={t('assignLabel')} testId="queue-assign" />
            </span>
          </QueueBulkBar>
        )}
        <p role={message?.kind === 'error' ? 'alert' : 'status'} class={`queue-message ${message?.kind ?? ''}`} data-testid="queue-message">
          {message?.text}
          {message?.undo && message.undo.length > 0 && (
            <>
              {' '}
              <button type="button" onClick={() => void undo()} data-testid="queue-undo">
                {t('queueUndo')}
              </button>
            </>
          )}
        </p>
        {chooser && (
          <QueueChooser
            kind={chooser.kind}
            targets={chooser.ids.map((id) => byId.get(id)).filter((c): c is Case => c !== undefined)}
            tags={tags}
            note={forWhom(chooser.ids)}
            style={chooser.style}
            onAction={(action, on) => void run(action, on)}
            onClose={(why) => {
              modal.current = false;
              setChooser(null);
              if (why !== 'blur') backToRow();
            }}
          />
        )}
        {handover && (
          <QueueHandover
            forWhom={forWhom(handover)}
            onClose={() => {
              modal.current = false;
              setHandover(null);
              backToRow();
            }}
            onSubmit={(category, note) => {
              const ids = handover;
              modal.current = false;
              setHandover(null);
              backToRow();
              void (async () => {
                try {
                  for (const id of ids) await send('case/handover', { id, category, note });
                  setMessage({ kind: 'ok', text: ids.length === 1 ? t('queueHandedOver') : t('queueHandedOverMany', String(ids.length)) });
                } catch (e) {
                  fail(e);
                }
              })();
            }}
          />
        )}
        {state.kind === 'loading' && <p class="loading">{t('popupLoading')}</p>}
        {state.kind === 'error' && (
          <p role="alert" class="error">
            {t('errorPrefix', state.message)}
          </p>
        )}
        {state.kind === 'ready' && shown.length === 0 && <p class="empty muted">{all.length === 0 ? t('popupEmpty') : t('noMatches')}</p>}
        <div class="queue-body">
          <QueueList cases={shown} active={active} selected={selected} settings={settings} tags={tags} me={me} onCommand={onCommand} handle={list} />
          <QueuePreview item={activeCase} tags={tags} />
        </div>
      </main>
    </>
  );
}
