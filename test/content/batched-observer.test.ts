import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { observeBatched, type Batch } from '../../src/content/batched-observer';

let controller: AbortController;
let batches: Batch[];
let root: HTMLElement;

const OURS = 'loket-host';
const observe = () => observeBatched(root, (b) => batches.push(b), controller.signal, (el) => el.localName === OURS);
/** Long enough for an animation frame and anything a pass might wrongly start after. */
const settle = (ms = 40) => new Promise((r) => setTimeout(r, ms));

beforeEach(() => {
  controller = new AbortController();
  batches = [];
  document.body.innerHTML = '<main><div id="timeline"></div></main>';
  root = document.querySelector('main')!;
});

afterEach(() => {
  controller.abort();
  vi.restoreAllMocks();
});

describe('the batched observer', () => {
  it('handles a burst of a thousand additions in one pass, after the mutations, not inside them', async () => {
    const frame = vi.spyOn(globalThis, 'requestAnimationFrame');
    const timer = vi.spyOn(globalThis, 'setTimeout');
    observe();
    const timeline = document.getElementById('timeline')!;
    const rows: HTMLElement[] = [];
    for (let i = 0; i < 1000; i++) {
      const row = document.createElement('article');
      row.innerHTML = `<a href="/status/${i}">post ${i}</a>`;
      timeline.append(row);
      rows.push(row);
    }
    // Nothing while the site's code runs; one pass in the observer's microtask at the end of the task —
    // before the browser lays out and paints the page again, so the marks are drawn with the posts.
    expect(batches).toHaveLength(0);
    await Promise.resolve();
    expect(batches).toHaveLength(1);
    expect(frame).not.toHaveBeenCalled();
    expect(timer).not.toHaveBeenCalled();
    await settle();
    expect(batches).toHaveLength(1);
    expect(batches[0]!.added.size).toBe(1000);
    expect([...batches[0]!.added]).toEqual(rows);
    expect(batches[0]!.changed).toEqual(new Set([timeline]));
    expect(batches[0]!.removed).toBe(false);
  });

  it('starts a new batch for what happens after a flush', async () => {
    observe();
    document.getElementById('timeline')!.append(document.createElement('article'));
    await vi.waitFor(() => expect(batches).toHaveLength(1));
    const second = document.createElement('article');
    document.getElementById('timeline')!.append(second);
    await vi.waitFor(() => expect(batches).toHaveLength(2));
    expect([...batches[1]!.added]).toEqual([second]);
  });

  it('ignores its own UI: mounting a toolbar host causes no pass at all', async () => {
    observe();
    const host = document.createElement(OURS);
    document.getElementById('timeline')!.append(host);
    host.setAttribute('href', '/x'); // not even an attribute change on it
    await settle();
    expect(batches).toHaveLength(0);
    // Added together with a post, the host is left out and the post is in.
    const post = document.createElement('article');
    document.getElementById('timeline')!.append(post, document.createElement(OURS));
    await vi.waitFor(() => expect(batches).toHaveLength(1));
    expect([...batches[0]!.added]).toEqual([post]);
  });

  it('says something was removed, so mounted UI can check its post is still there', async () => {
    const post = document.createElement('article');
    document.getElementById('timeline')!.append(post);
    observe();
    post.remove();
    await vi.waitFor(() => expect(batches).toHaveLength(1));
    expect(batches[0]).toMatchObject({ removed: true });
    expect(batches[0]!.added.size).toBe(0);
    expect([...batches[0]!.changed]).toEqual([document.getElementById('timeline')]);
  });

  it('notices a link that now points at another post (a reused row), and no other attribute', async () => {
    document.getElementById('timeline')!.innerHTML = '<article><a href="/bob/status/1">1</a></article>';
    const link = document.querySelector('a')!;
    observe();
    link.setAttribute('class', 'hovered');
    link.setAttribute('aria-label', 'x');
    await settle();
    expect(batches).toHaveLength(0);
    link.setAttribute('href', '/carol/status/2');
    await vi.waitFor(() => expect(batches).toHaveLength(1));
    expect([...batches[0]!.changed]).toEqual([link]);
    expect(batches[0]!.added.size).toBe(0);
  });

  it('handles each task\'s changes at the end of that task, also in a hidden tab (no frames there)', async () => {
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    observe();
    const timeline = document.getElementById('timeline')!;
    timeline.append(document.createElement('article'));
    await Promise.resolve();
    expect(batches).toHaveLength(1);
    timeline.append(document.createElement('article'));
    await Promise.resolve();
    expect(batches).toHaveLength(2);
  });

  it('stops when its signal aborts, also with a pass already scheduled', async () => {
    observe();
    document.getElementById('timeline')!.append(document.createElement('article'));
    controller.abort(); // the page navigates away before the observer's microtask runs
    await settle();
    document.getElementById('timeline')!.append(document.createElement('article'));
    await settle();
    expect(batches).toHaveLength(0);
  });
});
