/**
 * The popup: the agent's open items, most urgent first, kept current by the background's pushes. Filters
 * (status, channel, tag, assignee), search, counts per status, and quick actions on each row (status, take
 * it) without leaving the list; a click on a post focuses its tab or opens it.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { CASE_STATUSES, type Case, type CaseStatus } from '../domain/case';
import type { Diagnostic } from '../domain/diagnostic';
import { siteLabel } from '../domain/site';
import { isEstimatedTime } from '../domain/post-ref';
import { slaState } from '../domain/sla-state';
import type { Tag } from '../domain/tag';
import { followSettings, onPush, send } from '../protocol/client';
import { DEFAULT_SETTINGS, type Settings } from '../protocol/messages';
import { timerView, type TimerPolicy } from '../ui/timer';
import { syncStatusText } from '../ui/sync-status';
import type { SyncStatus } from '../storage/sync-records';
import { formatDateTime, formatDuration, snippet } from '../ui/format';
import { t, type MessageKey } from '../ui/i18n';
import { statusLabel, TagChips } from '../ui/chips';
import { StatusSelect } from '../ui/status-select';
import { Handovers } from './handovers';
import { caseFilter, type CaseFilters } from '../ui/case-filters';
import { AssigneeFilter, NoReplySelect, SiteFilter, TagFilter } from '../ui/case-filter-fields';
import type { OpenCasesReader } from '../ui/open-cases';
import { focusOrOpen } from '../ui/open-post';
import type { NoReplyReason } from '../domain/no-reply';
import { memberNamed, type TeamMember } from '../domain/team';
import { AssignSelect } from '../ui/assign-select';
import { AwayControl } from '../ui/away-control';
import { openQueueTab } from '../ui/queue-tab';
import { useTeam } from '../ui/team-data';

/** How many open cases the popup lists (most urgent first); the total is counted separately. */
const OPEN_LIMIT = 500;
/**
 * The first screenful, drawn before the rest: a popup is at most 600 px high, which shows about five rows
 * under the header and filters; twelve leave room for a taller window without drawing more than is seen.
 */
export const FIRST_ROWS = 12;

/** `partial`: only the most urgent screenful has arrived yet; counts wait for the whole list. */
type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; cases: Case[]; total: number; partial: boolean };

/** Focuses a tab that shows the post, or opens one; then the popup closes. */
async function goTo(url: string): Promise<void> {
  await focusOrOpen(url);
  window.close();
}

interface PopupProps {
  /** Where the open cases come from: the database directly, or the background (see open-cases.ts). */
  readOpen: OpenCasesReader;
  /** The most urgent screenful, asked for before the first drawing (effects run only after it). */
  firstScreen: ReturnType<OpenCasesReader>;
}

export function PopupApp({ readOpen, firstScreen }: PopupProps) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [warnings, setWarnings] = useState<Diagnostic[]>([]);
  const [policyProblems, setPolicyProblems] = useState<string[]>([]);
  const [sync, setSync] = useState<SyncStatus | null>(null);
  const [tags, setTags] = useState<Tag[] | undefined>(undefined);
  const [settings, setSettings] = useState<Settings | undefined>(undefined);
  const [filters, setFilters] = useState<CaseFilters>({ status: 'all', site: 'all', tag: 'all', assignee: 'mineOrFree', query: '' });
  const [error, setError] = useState<string | undefined>(undefined);
  const [now, setNow] = useState(Date.now());
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // After the list: the team is needed for the row menus and the absence control, not for the first drawing.
  const team = useTeam(state.kind !== 'loading');
  // The first screenful is drawn at once; the rest of a long list follows in doubling steps, a frame apart,
  // so the popup shows its most urgent items at once and stays responsive while hundreds of rows follow.
  const [rowLimit, setRowLimit] = useState(FIRST_ROWS);
  const listed = state.kind === 'ready' ? state.cases.length : 0;
  useEffect(() => {
    if (state.kind !== 'ready' || state.partial || rowLimit >= listed) return;
    const handle = setTimeout(() => setRowLimit((n) => n * 2), 16);
    return () => clearTimeout(handle);
  }, [state, rowLimit, listed]);

  useEffect(() => {
    const lifetime = new AbortController();
    const fetchOpen = (limit: number, read = readOpen(limit)) =>
      read
        .then(({ cases, total }) => setState({ kind: 'ready', cases, total, partial: cases.length < total && limit < OPEN_LIMIT }))
        .catch((e: unknown) => setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }));
    const load = () => fetchOpen(OPEN_LIMIT);
    // Opening: the most urgent screenful first (a short read), then the whole list.
    const first = () => fetchOpen(FIRST_ROWS, firstScreen).then(load);
    const loadWarnings = () => send('health/list', {}).then(setWarnings, () => undefined);
    const loadPolicy = () => send('policy/status', {}).then((p) => setPolicyProblems(p.problems.map((x) => x.message)), () => undefined);
    const loadSync = () => send('sync/config', {}).then((c) => (c.enabled ? send('sync/status', {}).then(setSync) : undefined), () => undefined);
    // The list first: what it needs is asked at once; the health line, the policy and the sync state after
    // it is drawn, so their requests do not queue in the worker ahead of the list's.
    const opening = first();
    void followSettings(lifetime.signal, (s) => {
      setSettings(s);
      void loadPolicy();
    }).then(setSettings, () => undefined);
    void send('tags/list', {}).then(setTags, () => undefined);
    void opening.finally(() => {
      if (lifetime.signal.aborted) return;
      void loadWarnings();
      void loadPolicy();
      void loadSync();
    });
    onPush(
      {
        'case/changed': () => void load(),
        'cases/removed': () => void load(),
        'health/changed': () => void loadWarnings(),
        'sync/status': ({ status }) => setSync(status),
      },
      lifetime.signal,
    );
    const ticker = setInterval(() => setNow(Date.now()), 30_000);
    lifetime.signal.addEventListener('abort', () => clearInterval(ticker));
    return () => lifetime.abort();
  }, []);

  const me = settings?.agentName ?? '';
  const cases = state.kind === 'ready' ? state.cases : [];
  const beforeStatus = useMemo(() => cases.filter(caseFilter({ ...filters, status: 'all' }, me)), [cases, filters, me]);
  const shown = filters.status === 'all' ? beforeStatus : beforeStatus.filter((c) => c.status === filters.status);
  const counts = useMemo(() => new Map(CASE_STATUSES.map((s) => [s, beforeStatus.filter((c) => c.status === s).length])), [beforeStatus]);
  const set = (patch: Partial<CaseFilters>) => setFilters({ ...filters, ...patch });
  const act = (work: Promise<unknown>) => work.then(() => setError(undefined), (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  const chosen = shown.filter((c) => selected.has(c.id));
  const toggleSelected = (id: string) => {
    const next = new Set(selected);
    if (!next.delete(id)) next.add(id);
    setSelected(next);
  };
  const bulk = (patch: { status?: CaseStatus; addTags?: string[] }) =>
    act(
      send('cases/bulk', { ids: chosen.map((c) => c.id), patch }).then((r) => {
        if (r.skipped.length > 0) throw new Error(t('bulkSkipped', String(r.skipped.length), r.skipped[0]!.reason));
      }),
    );

  return (
    <>
      <header>
        <h1>{t('popupTitle')}</h1>
        {state.kind === 'ready' && (
          <span class="muted" data-testid="open-count">
            {t('popupCount', String(state.total))}
          </span>
        )}
        <span class="spacer" />
        <a
          href="options.html#werkbak"
          data-testid="open-queue"
          onClick={(e) => {
            e.preventDefault();
            void openQueueTab().catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
          }}
        >
          {t('openQueue')}
        </a>
        <a href="reports.html" target="_blank" data-testid="open-reports">
          {t('reportOpen')}
        </a>
        <a href="options.html" target="_blank">
          {t('openOptions')}
        </a>
      </header>
      <main>
        {warnings.length + policyProblems.length > 0 && (
          <section class="warnings" aria-labelledby="warnings-heading" data-testid="health">
            <h2 id="warnings-heading">{t('healthHeading')}</h2>
            <ul>
              {warnings.map((w) => (
                <li key={w.seq}>
                  {t('healthLayout', siteLabel(w.site), t(`pageKind_${w.pageKind}` as MessageKey), formatDateTime(w.at))}
                </li>
              ))}
              {policyProblems.map((message) => (
                <li key={message} data-testid="policy-problem">
                  {t('healthPolicy', message)}
                </li>
              ))}
            </ul>
          </section>
        )}
        <AwayControl team={team} idPrefix="popup" />
        {sync && (
          <p class={`sync-line sync-${sync.state}`} data-testid="sync-state">
            <strong>{t('syncHeadingShort')}:</strong> {syncStatusText(sync)}
            {sync.state === 'signed-out' && (
              <>
                {' '}
                <a href="options.html#sync-heading" target="_blank" data-testid="sync-sign-in">
                  {t('syncSignInAgain')}
                </a>
              </>
            )}
          </p>
        )}
        {state.kind === 'ready' && state.cases.length > 0 && (
          <div class="filters">
            <div role="group" aria-label={t('filterStatus')} class="status-filter" data-testid="status-counts">
              <button type="button" aria-pressed={filters.status === 'all'} onClick={() => set({ status: 'all' })}>
                {t('filterAllStatuses')} {state.partial ? '' : beforeStatus.length}
              </button>
              {CASE_STATUSES.filter((s) => s !== 'closed').map((s) => (
                <button type="button" key={s} aria-pressed={filters.status === s} onClick={() => set({ status: s })} data-status={s}>
                  {statusLabel(s)} {state.partial ? '' : counts.get(s)}
                </button>
              ))}
            </div>
            <div class="selects">
              <SiteFilter value={filters.site} onChange={(site) => set({ site })} />
              <TagFilter value={filters.tag} tags={tags} onChange={(tag) => set({ tag })} />
              <AssigneeFilter value={filters.assignee} modes={['mineOrFree', 'all']} onChange={(assignee) => set({ assignee })} />
            </div>
            <label class="search-field">
              <span class="visually-hidden">{t('searchLabel')}</span>
              <input type="search" placeholder={t('searchLabel')} value={filters.query} onInput={(e) => set({ query: (e.currentTarget as HTMLInputElement).value })} />
            </label>
          </div>
        )}
        {chosen.length > 0 && (
          <div class="bulk" role="group" aria-label={t('selectedCount', String(chosen.length))} data-testid="bulk">
            <span>{t('selectedCount', String(chosen.length))}</span>
            <select
              aria-label={t('bulkStatus')}
              value=""
              onChange={(e) => {
                const v = (e.currentTarget as HTMLSelectElement).value as CaseStatus;
                if (v) void bulk({ status: v });
              }}
            >
              <option value="">{t('bulkStatusChoose')}</option>
              {CASE_STATUSES.filter((s) => s !== 'new').map((s) => (
                <option value={s} key={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </select>
            <select
              aria-label={t('bulkTag')}
              value=""
              onChange={(e) => {
                const v = (e.currentTarget as HTMLSelectElement).value;
                if (v) void bulk({ addTags: [v] });
              }}
            >
              <option value="">{t('bulkTagChoose')}</option>
              {(tags ?? []).map((tag) => (
                <option value={tag.id} key={tag.id}>
                  {tag.label}
                </option>
              ))}
            </select>
          </div>
        )}
        {error !== undefined && (
          <p role="alert" class="error">
            {t('errorPrefix', error)}
          </p>
        )}
        {state.kind === 'loading' && <p class="loading">{t('popupLoading')}</p>}
        {state.kind === 'error' && (
          <p role="alert" class="error">
            {t('errorPrefix', state.message)}
          </p>
        )}
        {state.kind === 'ready' && state.cases.length === 0 && <p class="empty muted">{t('popupEmpty')}</p>}
        {state.kind === 'ready' && state.cases.length > 0 && shown.length === 0 && <p class="empty muted">{t('noMatches')}</p>}
        {shown.length > 0 && (
          <label class="select-all">
            <input
              type="checkbox"
              checked={chosen.length === shown.length}
              onChange={(e) => setSelected((e.currentTarget as HTMLInputElement).checked ? new Set(shown.map((c) => c.id)) : new Set())}
            />{' '}
            {t('selectAll')}
          </label>
        )}
        {shown.length > 0 && (
          <ul class="cases" aria-label={t('popupTitle')}>
            {shown.slice(0, rowLimit).map((c) => (
              <CaseRow
                key={c.id}
                item={c}
                tags={tags}
                now={now}
                me={me}
                policy={settings ?? DEFAULT_SETTINGS}
                selected={selected.has(c.id)}
                onSelect={() => toggleSelected(c.id)}
                onStatus={(status) => act(send('case/update', { id: c.id, patch: { status } }))}
                onTake={() => act(send('case/update', { id: c.id, patch: { assignee: me } }))}
                team={team.members}
                onAssign={(to) => act(send('case/assign', { id: c.id, to }))}
                onNoReply={(reason) => act(send('case/no-reply', { id: c.id, reason }))}
              />
            ))}
          </ul>
        )}
        {state.kind !== 'loading' && <Handovers />}
      </main>
    </>
  );
}

interface RowProps {
  item: Case;
  tags: Tag[] | undefined;
  now: number;
  me: string;
  policy: TimerPolicy;
  selected: boolean;
  onSelect(): void;
  onStatus(status: CaseStatus): void;
  onTake(): void;
  onNoReply(reason: NoReplyReason): void;
  team: readonly TeamMember[];
  onAssign(to: string | null): void;
}

function CaseRow({ item, tags, now, me, policy, selected, onSelect, onStatus, onTake, onNoReply, team, onAssign }: RowProps) {
  const timer = timerView(item, now, policy);
  const sla = timer?.state ?? 'none';
  return (
    <li data-case-id={item.id} class={`case sla-${sla}`}>
      <div class="meta">
        <input type="checkbox" checked={selected} onChange={onSelect} aria-label={t('selectCase', item.author.name)} />
        <span>{siteLabel(item.site)}</span>
        <span class="author">{item.author.name}</span>
        {item.author.handle && <span>{item.author.handle}</span>}
        <span class="spacer" />
        <span class="timer" title={`${t('popupPostedAt')} ${formatDateTime(item.postedAt)}${isEstimatedTime(item.postedAtSource) ? ` ${t(item.postedAtSource === 'page-relative' ? 'estimatedFromPage' : 'estimatedTime')}` : ''}`}>
          {timer?.text ?? statusLabel(item.status)}
        </span>
      </div>
      <a
        class="open"
        href={item.url}
        title={t('popupOpenPost', item.author.name)}
        onClick={(e) => {
          e.preventDefault();
          void goTo(item.url);
        }}
      >
        {snippet(item.text) || item.url}
      </a>
      <div class="row-actions">
        <StatusSelect label={t('statusOf', item.author.name)} status={item.status} onStatus={onStatus} testId="row-status" />
        {item.assignee && item.assignee === me ? (
          <span class="muted" data-testid="row-mine">
            {t('assignedToMe')}
          </span>
        ) : item.assignee ? (
          <span class="muted">{memberNamed(team, item.assignee)?.away ? t('assignedToAway', item.assignee) : t('assignedTo', item.assignee)}</span>
        ) : (
          <button type="button" onClick={onTake} disabled={!me} title={me ? undefined : t('needName')} aria-label={t('assignToMeLabel', item.author.name)}>
            {t('assignToMe')}
          </button>
        )}
        <AssignSelect assignee={item.assignee} me={me} team={team} now={now} onAssign={onAssign} label={t('assignOf', item.author.name)} testId="row-assign" />
        <NoReplySelect label={t('noReplyOf', item.author.name)} testId="row-no-reply" onReason={onNoReply} />
        {item.tags.length > 0 && <TagChips ids={item.tags} tags={tags} />}
      </div>
    </li>
  );
}
