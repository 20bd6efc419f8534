import { describe, expect, it, vi } from 'vitest';
import { PROTOCOL } from '../../src/protocol/messages';
import { createRouter, type Handlers } from '../../src/protocol/router';

const EXT = 'chrome-extension://abc/';
const fromTab = { id: 'abc', url: 'https://x.com/home', tab: { id: 3, url: 'https://x.com/home' } };
const fromPopup = { id: 'abc', url: `${EXT}popup.html` };

function setup() {
  const handlers = {
    ping: vi.fn(async () => ({ version: '1' })),
    'case/update': vi.fn(async () => ({ case: {}, changes: [] })),
  } as unknown as Handlers;
  const route = createRouter(handlers, { extensionId: 'abc', extensionOrigin: EXT, allowedHost: (h) => h === 'x.com' });
  return { handlers, route };
}

describe('the background router', () => {
  it('answers a valid request from a content script and from an extension page', async () => {
    const { route } = setup();
    expect(await route({ protocol: PROTOCOL, name: 'ping', payload: {} }, fromTab)).toEqual({ ok: true, value: { version: '1' } });
    expect(await route({ protocol: PROTOCOL, name: 'ping', payload: {} }, fromPopup)).toEqual({ ok: true, value: { version: '1' } });
  });

  it.each([
    [null, 'bad-request'],
    ['ping', 'bad-request'],
    [{ name: 'ping', payload: {} }, 'bad-request'],
    [{ protocol: PROTOCOL, name: 'drop/everything', payload: {} }, 'unknown-message'],
    [{ protocol: PROTOCOL, name: 'toString', payload: {} }, 'unknown-message'],
    [{ protocol: PROTOCOL, name: 'ping', payload: { extra: 1 } }, 'bad-request'],
    [{ protocol: PROTOCOL, name: 'case/update', payload: { id: 'x:1', patch: {} } }, 'bad-request'],
    [{ protocol: PROTOCOL, name: 'case/update', payload: { id: 'x:1', patch: { status: 'deleted' } } }, 'bad-request'],
    [{ protocol: PROTOCOL, name: 'case/update', payload: { id: 'nope', patch: { status: 'closed' } } }, 'bad-request'],
  ])('refuses malformed message %j with %s, calling no handler', async (message, code) => {
    const { route, handlers } = setup();
    const reply = await route(message, fromTab);
    expect(reply).toMatchObject({ ok: false, error: { code } });
    expect(reply.ok ? '' : reply.error.message).not.toBe('');
    expect(handlers['case/update']).not.toHaveBeenCalled();
    expect(handlers.ping).not.toHaveBeenCalled();
  });

  it.each([
    ['another extension', { id: 'evil', url: 'chrome-extension://evil/x.html' }],
    ['a page on another site', { id: 'abc', url: 'https://evil.example/', tab: { id: 1, url: 'https://evil.example/' } }],
    ['a frame with no tab', { id: 'abc', url: 'https://x.com/home' }],
    ['an unknown sender', {}],
  ])('refuses %s', async (_what, sender) => {
    const { route, handlers } = setup();
    const reply = await route({ protocol: PROTOCOL, name: 'ping', payload: {} }, sender);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(handlers.ping).not.toHaveBeenCalled();
  });

  it('reports a handler failure as an internal error instead of throwing', async () => {
    const { route, handlers } = setup();
    vi.mocked(handlers.ping).mockRejectedValueOnce(new Error('disk full'));
    expect(await route({ protocol: PROTOCOL, name: 'ping', payload: {} }, fromPopup)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'disk full' },
    });
  });

  it('validates a post reference: https URL, matching site, sane sizes', async () => {
    const { route } = setup();
    const post = {
      caseId: 'x:1',
      site: 'x',
      url: 'https://x.com/a/status/1',
      author: { name: 'A' },
      text: 'hoi',
      postedAt: 1,
      postedAtSource: 'page',
    };
    const track = (p: unknown) => route({ protocol: PROTOCOL, name: 'case/track', payload: { post: p } }, fromTab);
    expect(await track({ ...post, url: 'javascript:alert(1)' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await track({ ...post, site: 'facebook' })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await track({ ...post, text: 'x'.repeat(100_001) })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await track({ ...post, postedAt: -5 })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('answers what only Loket’s own pages may ask to them, and refuses it to a content script', async () => {
    const handlers = { 'person/find': vi.fn(async () => ({ cases: [], events: [] })) } as unknown as Handlers;
    const route = createRouter(handlers, { extensionId: 'abc', extensionOrigin: EXT, allowedHost: (h) => h === 'x.com' });
    const message = { protocol: PROTOCOL, name: 'person/find', payload: { query: '@jan' } };
    expect(await route(message, fromPopup)).toEqual({ ok: true, value: { cases: [], events: [] } });
    expect(await route(message, fromTab)).toMatchObject({ ok: false, error: { code: 'forbidden-sender', message: 'person/find is only answered to Loket’s own pages' } });
    expect(handlers['person/find']).toHaveBeenCalledTimes(1);
  });
});
