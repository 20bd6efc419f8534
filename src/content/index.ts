/**
 * Content script entry, on x.com/twitter.com and facebook.com. Picks the site's adapter and keeps a toolbar
 * on every post until the page goes away.
 */
import type { Case } from '../domain/case';
import type { CaseId } from '../domain/case-id';
import { IdFilter } from '../domain/id-filter';
import { followSettings, onPush, send } from '../protocol/client';
import { DEFAULT_SETTINGS, type Settings } from '../protocol/messages';
import { SITE_ADAPTERS } from '../sites/adapters';
import { siteForHost } from '../sites/registry';
import type { SiteAdapter } from '../sites/site-adapter';
import { observeBatched } from './batched-observer';
import { AccountGuard } from './account-guard';
import { CaseCache } from './case-cache';
import { PostController } from './post-controller';
import { ReplyIndicators } from './reply-indicator';
import { ReplyTracker } from './reply-tracker';
import { Intake } from './intake';
import { SiteHealth } from './site-health';
import { startTicker } from './ticker';
import { listenForTrigger, openForTypedTrigger } from './template-trigger';
import { isLoketHost } from './post-host';

const TICK_MS = 30_000;
/** Case state for new posts is asked in one request per this many milliseconds (toolbars appear after it). */
const CASE_BATCH_MS = 50;

async function start(adapter: SiteAdapter): Promise<void> {
  const lifetime = new AbortController();
  const signal = lifetime.signal;
  const cache = new CaseCache((ids) => send('cases/get', { ids }), CASE_BATCH_MS);
  const links: Array<{ id: CaseId; aliases: CaseId[] }> = [];
  const put = (c: Case | null): void => {
    if (c) cache.put(c);
  };
  // The settings say which accounts are the municipality's own: read them before the first pass.
  const settingsFollowers: Array<() => void> = [];
  let settings: Settings = await followSettings(signal, (s) => {
    settings = s;
    for (const follow of settingsFollowers) follow();
  }).catch(() => ({ ...DEFAULT_SETTINGS }));

  const replies = new ReplyTracker(adapter.composer, (id, at, reply) => {
    void send('case/responded', { id, at, reply }).then((r) => put(r.case), () => undefined);
  });
  const intake = new Intake(
    adapter,
    {
      settings: () => settings,
      take: async (items) => (await send('intake/take', { items })).cases,
      put: (c) => cache.put(c),
      detected: (account) => void send('account/detected', { site: adapter.site, account }).catch(() => undefined),
    },
    CASE_BATCH_MS,
  );
  const controller = new PostController(
    adapter,
    cache,
    {
      track: async (post) => put((await send('case/track', { post })).case),
      setStatus: async (id, status) => put((await send('case/update', { id, patch: { status } })).case),
      tag: async (id, tagId, on) => put((await send('case/update', { id, patch: on ? { addTags: [tagId] } : { removeTags: [tagId] } })).case),
      handover: async (id, category, note) => put((await send('case/handover', { id, category, note })).case),
      noReply: async (id, reason) => put((await send('case/no-reply', { id, reason })).case),
      history: (id) => send('case/history', { id }),
      assign: async (id, agent) => put((await send('case/assign', { id, to: agent })).case),
      team: async () => (await send('team/list', {})).members,
      note: async (id, text) => put((await send('case/note', { id, text })).case),
      templates: () => send('templates/list', {}),
      tags: () => send('tags/list', {}),
      templateUsed: (id) => void send('template/used', { id }).catch(() => undefined),
      settings: () => settings,
      link: (id, aliases) => {
        // One message for the posts of a few frames, like the case lookups: most have nothing to merge.
        links.push({ id, aliases });
        if (links.length === 1) {
          setTimeout(() => {
            const batch = links.splice(0);
            void send('cases/link', { links: batch }).then((r) => r.cases.forEach(put), () => undefined);
          }, CASE_BATCH_MS);
        }
      },
      readability: (text) => send('readability/check', { text }),
      applyTemplate: async (id, templateId) => {
        const r = await send('template/apply', { id, templateId });
        put(r.case);
        return { at: r.at, changed: r.changes.length > 0, skipped: r.skipped };
      },
      undo: async (id, at) => put((await send('case/undo', { id, at })).case),
      kccCategories: async () => (await send('kcc/config', {})).categories,
    },
    Date.now,
    {
      // Each post once per page: the reply tracker, and automatic intake.
      appeared: (post, el) => {
        replies.appeared(post, el);
        intake.seen(post, el);
      },
      present: (post, el) => {
        replies.present(post, el);
        intake.seen(post, el);
      },
    },
  );
  const guard = new AccountGuard(adapter, () => settings, (editor) => controller.showAccountWarning(editor));
  controller.useAccountCheck(guard);
  guard.listen(signal);
  const indicator = new ReplyIndicators(adapter, () => settings, (text) => send('readability/check', { text }));
  indicator.listen(signal);
  settingsFollowers.push(
    () => controller.settingsChanged(),
    () => indicator.settingsChanged(),
  );
  onPush(
    {
      'case/changed': ({ case: c }) => cache.put(c),
      'templates/changed': () => controller.templatesChanged(),
      'cases/removed': ({ ids }) => cache.forget(ids),
      'templates/open': () => void controller.openTemplatesAtFocus(),
    },
    signal,
  );
  // Asked once pushes are heard, so a case made after the filter was read still reaches the cache (by push).
  send('cases/known', {}).then((data) => {
    const filter = IdFilter.from(data);
    if (filter) cache.useFilter(filter);
  }, () => undefined);
  const health = new SiteHealth(
    adapter,
    () => controller.size,
    (pageKind, detail) => void send('health/report', { site: adapter.site, kind: 'layout-not-recognised', pageKind, detail }).catch(() => undefined),
  );
  signal.addEventListener('abort', () => health.stop());
  replies.listen(document, signal);
  const openTemplates = (id: CaseId, editor: HTMLElement) => void controller.openTemplatesFor(id, editor);
  listenForTrigger(document, adapter.composer, openTemplates, signal);
  observeBatched(
    document.body,
    (batch) => {
      if (batch.removed) controller.sweep();
      controller.scan(batch.added, batch.changed);
      health.check();
    },
    signal,
    isLoketHost,
  );
  controller.scan([document.body]);
  guard.checkFocused();
  openForTypedTrigger(document, adapter.composer, openTemplates);
  health.check();
  intake.reportAccount(document);
  // Facebook names the account only in a comment box, which may come later: asked again when one gets focus.
  document.addEventListener('focusin', () => intake.reportAccount(document), { signal, passive: true });
  startTicker(() => controller.tick(), TICK_MS, signal);
  window.addEventListener('pagehide', (event) => {
    if (event.persisted) return; // kept in the back/forward cache: resumes as it was
    lifetime.abort();
    controller.destroy();
  });
}

const site = siteForHost(location.hostname);
if (site && document.body) void start(SITE_ADAPTERS[site]);
