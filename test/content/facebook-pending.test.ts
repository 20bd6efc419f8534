/**
 * A 2025 Facebook post whose id the page shows only once its time link is hovered (issue #16 item 2): its mark
 * is drawn at once, Loket hovers nothing on its own, the agent's first click on the mark has the page fill the
 * link in and reads the id, and only a post with its id can become a case.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CaseCache } from '../../src/content/case-cache';
import { PostController } from '../../src/content/post-controller';
import type { Case } from '../../src/domain/case';
import type { CaseId } from '../../src/domain/case-id';
import type { PostRef } from '../../src/domain/post-ref';
import { DEFAULT_SETTINGS } from '../../src/protocol/messages';
import { facebookAdapter } from '../../src/sites/facebook/adapter';
import { loadPage } from '../support/fixtures';

const KEES = 'fb:2468024680246802';
let controller: PostController | undefined;
let stopFilling: (() => void) | undefined;
const shadows = new Map<Element, ShadowRoot>();

afterEach(() => {
  controller?.destroy();
  stopFilling?.();
  vi.restoreAllMocks();
  shadows.clear();
});

/** Facebook's own behaviour (as the e2e stand-in has it): a hovered or focused permalink gets its real href. */
function facebookFillsLinksOnHover(): void {
  loadPage('facebook/feed-2025-nl.html', 'https://www.facebook.com/');
  const fill = (e: Event) => {
    const a = (e.target as Element).closest?.('a[data-real-href]');
    a?.setAttribute('href', a.getAttribute('data-real-href')!);
  };
  document.addEventListener('mouseover', fill);
  document.addEventListener('focusin', fill);
  stopFilling = () => {
    document.removeEventListener('mouseover', fill);
    document.removeEventListener('focusin', fill);
  };
}

function start() {
  // The hosts' shadow roots are closed: keep them to look inside.
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    shadows.set(this, root);
    return root;
  });
  const fetch = vi.fn(async (_ids: CaseId[]): Promise<Case[]> => []);
  const track = vi.fn(async (_post: PostRef) => undefined);
  controller = new PostController(facebookAdapter, new CaseCache(fetch), {
    track,
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
  controller.scan([document.body]);
  return { fetch, track, controller };
}

const unit = () => document.querySelector('[aria-posinset="2"]')!;
const link = () => unit().querySelector('a[data-real-href]')!;
const hostOf = (el: Element) => [...el.querySelectorAll('[data-loket-post]')].find((h) => h.parentElement?.closest('[aria-posinset]') === el)!;
const settle = () => new Promise((r) => setTimeout(r, 5));
const click = (el: Element) => el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));

describe('a Facebook post whose id is hidden until hovered', () => {
  it('gets its mark at once, in its action bar, without Loket hovering anything or asking for a case', async () => {
    facebookFillsLinksOnHover();
    const { fetch } = start();
    const host = hostOf(unit());
    expect(host.getAttribute('data-loket-post')).toMatch(/^fb:pending-\d+$/);
    expect(host.hasAttribute('data-loket-sla')).toBe(false);
    expect(host.parentElement!.querySelector('[data-ad-rendering-role="like_button"]')).not.toBeNull();
    expect(link().getAttribute('href')).toMatch(/^https:\/\/www\.facebook\.com\/\?__cft__/);
    await settle();
    expect(fetch.mock.calls.flat(2).some((id) => String(id).includes('pending'))).toBe(false);
  });

  it('the first click on the mark has the page fill the link in, reads the id, and "make case" makes the case of that post', async () => {
    facebookFillsLinksOnHover();
    const { fetch, track } = start();
    const host = hostOf(unit());
    click(host);
    expect(link().getAttribute('href')).toContain('/kees.bakker.21/posts/2468024680246802');
    expect(host.getAttribute('data-loket-post')).toBe(KEES);
    await settle();
    expect(fetch.mock.calls.flat(2)).toContain(KEES);
    const make = shadows.get(host)!.querySelector<HTMLButtonElement>('[data-lk="track"]')!;
    expect(make.disabled).toBe(false);
    click(make);
    await settle();
    expect(track).toHaveBeenCalledTimes(1);
    expect(track.mock.calls[0]![0]).toMatchObject({ caseId: KEES, url: 'https://www.facebook.com/kees.bakker.21/posts/2468024680246802', author: { name: 'Kees Bakker' } });
    expect(track.mock.calls[0]![0].idPending).toBeUndefined();
  });

  it('until the page shows the id, the toolbar says it is being read and "make case" waits, with the reason; then it can', async () => {
    loadPage('facebook/feed-2025-nl.html', 'https://www.facebook.com/');
    const { track } = start(); // this page fills nothing in on a synthetic hover
    const host = hostOf(unit());
    click(host);
    const shadow = shadows.get(host)!;
    expect(shadow.querySelector('[data-lk="state"]')!.textContent).toMatch(/id/i);
    const make = shadow.querySelector<HTMLButtonElement>('[data-lk="track"]')!;
    expect(make.disabled).toBe(true);
    const why = shadow.getElementById(make.getAttribute('aria-describedby')!);
    expect(why?.textContent).toBeTruthy();
    expect(shadow.querySelector<HTMLButtonElement>('[data-lk="tags"]')!.disabled).toBe(true);
    click(make);
    await settle();
    expect(track).not.toHaveBeenCalled();
    // The agent points at the post's time: Facebook fills the link in, the page's observer reports the change.
    link().setAttribute('href', link().getAttribute('data-real-href')!);
    controller!.scan([], [link()]);
    expect(host.getAttribute('data-loket-post')).toBe(KEES);
    await settle();
    const ready = shadow.querySelector<HTMLButtonElement>('[data-lk="track"]')!;
    expect(ready.disabled).toBe(false); // the toolbar stayed open, now with the id
    click(ready);
    await settle();
    expect(track.mock.calls[0]![0]).toMatchObject({ caseId: KEES });
  });
});
