import { afterEach, describe, expect, it, vi } from 'vitest';
import { CaseCache } from '../../src/content/case-cache';
import { PostController } from '../../src/content/post-controller';
import type { Case } from '../../src/domain/case';
import type { CaseId } from '../../src/domain/case-id';
import { DEFAULT_SETTINGS } from '../../src/protocol/messages';
import type { SiteAdapter } from '../../src/sites/site-adapter';
import { xAdapter } from '../../src/sites/x/adapter';
import { X } from '../../src/sites/x/selectors';
import { loadPage } from '../support/fixtures';

const hosts = () => [...document.querySelectorAll('[data-loket-post]')];
const ids = () => hosts().map((h) => h.getAttribute('data-loket-post'));
let controller: PostController | undefined;

function start(fetch = vi.fn(async (_ids: CaseId[]): Promise<Case[]> => []), adapter: SiteAdapter = xAdapter) {
  const cache = new CaseCache(fetch);
  controller = new PostController(adapter, cache, {
    track: vi.fn(),
    setStatus: vi.fn(),
    tag: vi.fn(),
    handover: vi.fn(),
    noReply: vi.fn(),
    history: vi.fn(async () => []),
    note: vi.fn(),
    assign: vi.fn(),
    templates: vi.fn(async () => []),
    tags: vi.fn(async () => []),
    templateUsed: vi.fn(),
    settings: () => DEFAULT_SETTINGS,
  });
  return { cache, fetch, controller };
}

afterEach(() => controller?.destroy());

describe('one toolbar per post', () => {
  it('mounts one toolbar on each tweet, none on ads, and asks for all cases in one request', async () => {
    loadPage('x/x-home.html', 'https://x.com/home');
    const { fetch, controller } = start();
    controller.scan([document.body]);
    expect(hosts()).toHaveLength(8);
    expect(new Set(ids()).size).toBe(8);
    await Promise.resolve();
    await Promise.resolve();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]![0]).toHaveLength(8);
    for (const ad of document.querySelectorAll(`${X.promotedWrapper} ${X.tweet}`)) expect(ad.querySelector('[data-loket-post]')).toBeNull();
  });

  it('is idempotent: scanning again mounts nothing new', () => {
    loadPage('x/x-home.html', 'https://x.com/home');
    const { controller } = start();
    controller.scan([document.body]);
    const before = hosts();
    controller.scan([document.body]);
    controller.scan([...document.querySelectorAll(X.tweet)]);
    expect(hosts()).toEqual(before);
  });

  it('puts nothing of ours in the light DOM but the host attributes, behind a closed shadow root', async () => {
    loadPage('x/x-home.html', 'https://x.com/home');
    start().controller.scan([document.body]);
    await new Promise((r) => setTimeout(r, 0));
    for (const host of hosts()) {
      expect(host.getAttributeNames()).toEqual(['data-loket-post', 'data-loket-sla']);
      expect(host.getAttribute('data-loket-sla')).toBe('none');
      expect(host.shadowRoot).toBeNull();
      expect(host.childNodes).toHaveLength(0);
    }
  });

  it('follows a row that X reuses for another tweet', () => {
    loadPage('x/x-home.html', 'https://x.com/home');
    const { controller } = start();
    controller.scan([document.body]);
    const article = document.querySelector(X.tweet)!;
    const link = article.querySelector<HTMLAnchorElement>('a[href*="/status/"] time')!.closest('a')!;
    link.setAttribute('href', '/dave/status/1999999999999999999');
    controller.scan([article]);
    expect(article.querySelectorAll('[data-loket-post]')).toHaveLength(1);
    expect(article.querySelector('[data-loket-post]')!.getAttribute('data-loket-post')).toBe('x:1999999999999999999');
    expect(hosts()).toHaveLength(8);
  });

  it('removes the toolbar when its tweet leaves, and puts it back when the site re-renders it away', () => {
    loadPage('x/x-home.html', 'https://x.com/home');
    const { controller } = start();
    controller.scan([document.body]);
    const [first, second] = [...document.querySelectorAll('[data-testid="cellInnerDiv"]')].filter((cell) => cell.querySelector('[data-loket-post]'));
    first!.remove();
    controller.sweep();
    expect(hosts()).toHaveLength(7);
    expect(controller.size).toBe(7);
    second!.querySelector('[data-loket-post]')!.remove();
    controller.sweep();
    expect(hosts()).toHaveLength(7);
    expect(second!.querySelectorAll('[data-loket-post]')).toHaveLength(1);
  });

  it('leaves a tweet the site took away as it is, and takes it up again, one mark, when it comes back', () => {
    loadPage('x/x-home.html', 'https://x.com/home');
    const { controller } = start();
    controller.scan([document.body]);
    const cell = [...document.querySelectorAll('[data-testid="cellInnerDiv"]')].find((c) => c.querySelector('[data-loket-post]'))!;
    const host = cell.querySelector('[data-loket-post]');
    const parent = cell.parentElement!;
    cell.remove();
    controller.sweep();
    expect(controller.size).toBe(7);
    // The host stays in the detached row: no DOM change for a row the site dropped.
    expect(cell.querySelector('[data-loket-post]')).toBe(host);
    parent.append(cell);
    controller.scan([cell]);
    expect(controller.size).toBe(8);
    expect(cell.querySelectorAll('[data-loket-post]')).toHaveLength(1);
    expect(cell.querySelector('[data-loket-post]')).toBe(host);
    expect(hosts()).toHaveLength(8);
  });

  it('takes the toolbar away when a tweet becomes unreadable', () => {
    loadPage('x/x-home.html', 'https://x.com/home');
    const { controller } = start();
    controller.scan([document.body]);
    const article = document.querySelector(X.tweet)!;
    for (const a of article.querySelectorAll('a[href*="/status/"]')) a.remove();
    controller.scan([article]);
    expect(article.querySelector('[data-loket-post]')).toBeNull();
  });
});

describe('own accounts', () => {
  it('matches handles and Page names from the settings, ignoring case and spacing', async () => {
    const { isOwnAccount } = await import('../../src/content/own-account');
    const post = { author: { name: 'Gemeente  Voorbeeld', handle: '@GemeenteVoorbeeld' } } as Parameters<typeof isOwnAccount>[0];
    expect(isOwnAccount(post, '@gemeentevoorbeeld')).toBe(true);
    expect(isOwnAccount(post, 'gemeente voorbeeld, @other')).toBe(true);
    expect(isOwnAccount(post, '')).toBe(false);
    expect(isOwnAccount(post, '@gemeente')).toBe(false);
  });
});

describe('the quiet mark', () => {
  const hostOf = (id: string) => document.querySelector<HTMLElement>(`[data-loket-post="${id}"]`)!;
  const caseOf = (id: CaseId): Case =>
    ({ id, site: 'x', status: 'new', tags: [], postedAt: Date.now() - 60_000, postedAtSource: 'page', dueAt: Date.now() + 3_600_000 }) as unknown as Case;

  it('puts the mark in the tweet’s action bar, not on a line of its own', async () => {
    loadPage('x/x-home.html', 'https://x.com/home');
    start().controller.scan([document.body]);
    await new Promise((r) => setTimeout(r, 0));
    for (const host of hosts()) expect(host.parentElement!.matches(X.actionBar)).toBe(true);
  });

  it('opens the full toolbar on a line of its own on a click on the mark, out of the site’s reach', async () => {
    loadPage('x/x-home.html', 'https://x.com/home');
    const { controller } = start();
    controller.scan([document.body]);
    await new Promise((r) => setTimeout(r, 0));
    const id = ids()[0]!;
    const site = vi.fn();
    document.body.addEventListener('click', site);
    hostOf(id).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(site).not.toHaveBeenCalled(); // the site never sees a click on the mark
    // Open: on its own line after the action bar.
    expect(hostOf(id).parentElement!.matches(X.actionBar)).toBe(false);
    expect(hostOf(id).previousElementSibling!.matches(X.actionBar)).toBe(true);
  });

  it('reads a quiet tweet for its mark only, and the whole tweet when its toolbar opens', async () => {
    loadPage('x/x-home.html', 'https://x.com/home');
    const adapter = { ...xAdapter, readPost: vi.fn(xAdapter.readPost), readQuiet: vi.fn(xAdapter.readQuiet!) };
    const { controller } = start(undefined, adapter);
    controller.scan([document.body]);
    await new Promise((r) => setTimeout(r, 0));
    expect(adapter.readQuiet).toHaveBeenCalledTimes(8);
    expect(adapter.readPost).not.toHaveBeenCalled();
    const id = ids()[0]!;
    hostOf(id).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(adapter.readPost).toHaveBeenCalledTimes(1);
    expect(adapter.readPost.mock.calls[0]![0].contains(hostOf(id))).toBe(true);
    expect(adapter.readPost.mock.results[0]!.value).toMatchObject({ caseId: id });
  });

  it('moves a post that becomes a case (here or in another tab) to a line with its chip', async () => {
    loadPage('x/x-home.html', 'https://x.com/home');
    const { controller, cache } = start();
    controller.scan([document.body]);
    await new Promise((r) => setTimeout(r, 0));
    const id = ids()[0]! as CaseId;
    cache.put(caseOf(id));
    expect(hostOf(id).parentElement!.matches(X.actionBar)).toBe(false);
    expect(hostOf(id).getAttribute('data-loket-sla')).toBe('ok');
    cache.forget([id]);
    expect(hostOf(id).parentElement!.matches(X.actionBar)).toBe(true);
    expect(hostOf(id).getAttribute('data-loket-sla')).toBe('none');
  });
});

describe('the case cache', () => {
  it('keeps the newest version of a case when an older one arrives after it', () => {
    const cache = new CaseCache(async () => []);
    const seen: CaseId[][] = [];
    cache.subscribe((changed) => seen.push(changed));
    const v = (updatedAt: number, status: Case['status']) => ({ id: 'x:1', status, tags: [], updatedAt }) as unknown as Case;
    cache.put(v(2, 'waiting'));
    cache.put(v(1, 'new')); // this tab's own answer, overtaken by another tab's push
    expect(cache.get('x:1' as CaseId)?.status).toBe('waiting');
    cache.put(v(3, 'closed'));
    expect(cache.get('x:1' as CaseId)?.status).toBe('closed');
    expect(seen).toHaveLength(2);
  });
});
