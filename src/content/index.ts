/**
 * Content script entry, on x.com/twitter.com and facebook.com. Picks the site's adapter and keeps a toolbar
 * on every post until the page goes away.
 */
import { send, onPush } from '../protocol/client';
import { facebookAdapter } from '../sites/facebook/adapter';
import { siteForHost } from '../sites/hosts';
import type { SiteAdapter } from '../sites/site-adapter';
import { xAdapter } from '../sites/x/adapter';
import { observeBatched } from './batched-observer';
import { CaseCache } from './case-cache';
import { PostController } from './post-controller';
import { isLoketHost } from './toolbar-host';

const ADAPTERS: Record<'x' | 'facebook', SiteAdapter> = { x: xAdapter, facebook: facebookAdapter };

function start(adapter: SiteAdapter): void {
  const lifetime = new AbortController();
  const cache = new CaseCache((ids) => send('cases/get', { ids }));
  const controller = new PostController(adapter, cache, {
    async track(post) {
      cache.put((await send('case/track', { post })).case);
    },
    async setStatus(id, status) {
      cache.put((await send('case/update', { id, patch: { status } })).case);
    },
  });
  onPush({ 'case/changed': ({ case: c }) => cache.put(c) }, lifetime.signal);
  observeBatched(
    document.body,
    (batch) => {
      if (batch.removed) controller.sweep();
      controller.scan(batch.touched);
    },
    lifetime.signal,
    isLoketHost,
  );
  controller.scan([document.body]);
  window.addEventListener(
    'pagehide',
    (event) => {
      if (event.persisted) return; // kept in the back/forward cache: resumes as it was
      lifetime.abort();
      controller.destroy();
    },
    { once: false },
  );
}

const site = siteForHost(location.hostname);
if (site && document.body) start(ADAPTERS[site]);
