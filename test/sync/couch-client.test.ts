import { describe, expect, it } from 'vitest';
import { basicAuth, checkServerUrl, createCouchClient, SyncError, testConnection, type Fetch, type SyncConfig } from '../../src/sync/couch-client';

const config: SyncConfig = { url: 'https://couch.gemeente.nl', database: 'loket', username: 'anna', password: 'geheim' };
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const WELCOME = { couchdb: 'Welcome', version: '3.3.3', vendor: { name: 'The Apache Software Foundation' } };

/** A fake server: answers by path; records what was asked. */
function fakeFetch(routes: Record<string, () => Response | Promise<Response>>, seen: Array<{ url: string; init: RequestInit }> = []): Fetch {
  return async (url, init) => {
    seen.push({ url, init });
    const path = new URL(url).pathname;
    const route = routes[path];
    if (!route) return json(404, { error: 'not_found', reason: 'missing' });
    return route();
  };
}

describe('checking the server address', () => {
  it('requires https, except for a server on this computer', () => {
    expect(checkServerUrl({ url: 'http://couch.gemeente.nl', database: 'loket' })).toMatchObject({ ok: false, code: 'insecure' });
    expect(checkServerUrl({ url: 'http://localhost:5984/', database: 'loket' })).toEqual({ ok: true, base: 'http://localhost:5984' });
    expect(checkServerUrl({ url: 'http://127.0.0.1:5984', database: 'loket' })).toMatchObject({ ok: true });
    expect(checkServerUrl({ url: 'https://gemeente.nl/couchdb/', database: 'loket' })).toEqual({ ok: true, base: 'https://gemeente.nl/couchdb' });
  });

  it('refuses what is not a server address', () => {
    expect(checkServerUrl({ url: 'couch.gemeente.nl', database: 'loket' })).toMatchObject({ ok: false, code: 'invalid-url' });
    expect(checkServerUrl({ url: 'https://anna:geheim@couch.gemeente.nl', database: 'loket' })).toMatchObject({ ok: false, code: 'invalid-url' });
    expect(checkServerUrl({ url: 'ftp://couch.gemeente.nl', database: 'loket' })).toMatchObject({ ok: false, code: 'invalid-url' });
    expect(checkServerUrl({ url: 'https://couch.gemeente.nl', database: 'Loket Team' })).toMatchObject({ ok: false, code: 'invalid-url' });
  });
});

describe('test connection', () => {
  it('reports the server version when the server and the database answer', async () => {
    const seen: Array<{ url: string; init: RequestInit }> = [];
    const result = await testConnection(config, { fetch: fakeFetch({ '/': () => json(200, WELCOME), '/loket': () => json(200, { doc_count: 3, update_seq: '3-abc' }) }, seen) });
    expect(result).toEqual({ ok: true, serverVersion: '3.3.3', vendor: 'The Apache Software Foundation' });
    expect((seen[0]!.init.headers as Record<string, string>).Authorization).toBe(`Basic ${btoa('anna:geheim')}`);
    expect(seen[0]!.init.credentials).toBe('omit');
  });

  it('accepts PouchDB Server, which speaks the same protocol', async () => {
    const result = await testConnection(config, { fetch: fakeFetch({ '/': () => json(200, { 'express-pouchdb': 'Welcome!', version: '4.2.0' }), '/loket': () => json(200, { doc_count: 0, update_seq: 0 }) }) });
    expect(result).toMatchObject({ ok: true, serverVersion: '4.2.0', vendor: 'PouchDB Server' });
  });

  it.each([
    ['unreachable', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['unauthorised', () => json(401, { error: 'unauthorized', reason: 'Name or password is incorrect.' })],
    ['unauthorised', () => json(403, { error: 'forbidden', reason: 'You are not allowed to access this db.' })],
    ['database-missing', () => json(404, { error: 'not_found', reason: 'Database does not exist.' })],
    ['server-error', () => json(500, { error: 'unknown_error', reason: 'function_clause' })],
    ['server-error', () => new Response('<html>Bad gateway</html>', { status: 502 })],
  ] as const)('classifies a failing database request as %s', async (code, answer) => {
    const result = await testConnection(config, { fetch: fakeFetch({ '/': () => json(200, WELCOME), '/loket': answer }) });
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.message.length).toBeGreaterThan(20);
  });

  it.each([
    ['a web page', () => new Response('<!doctype html><title>Gemeente</title>', { status: 200, headers: { 'Content-Type': 'text/html' } })],
    ['another JSON API', () => json(200, { status: 'ok' })],
    ['nothing at the root', () => new Response('Not found', { status: 404 })],
  ])('says "not a CouchDB server" for %s', async (_what, answer) => {
    const result = await testConnection(config, { fetch: fakeFetch({ '/': answer }) });
    expect(result).toMatchObject({ ok: false, code: 'not-couchdb' });
  });

  it('refuses http:// to another computer without sending the password', async () => {
    const seen: Array<{ url: string; init: RequestInit }> = [];
    const result = await testConnection({ ...config, url: 'http://couch.gemeente.nl' }, { fetch: fakeFetch({}, seen) });
    expect(result).toMatchObject({ ok: false, code: 'insecure' });
    expect(seen).toEqual([]);
  });

  it('gives up on a server that keeps silent', async () => {
    const silent: Fetch = (_url, init) => new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    const result = await testConnection(config, { fetch: silent, timeoutMs: 50 });
    expect(result).toMatchObject({ ok: false, code: 'unreachable' });
    if (!result.ok) expect(result.message).toContain('no answer within');
  });
});

describe('the client', () => {
  it('sends names and passwords with accents as UTF-8', () => {
    expect(basicAuth('José', 'wachtwoord')).toBe(`Basic ${Buffer.from('José:wachtwoord', 'utf8').toString('base64')}`);
  });

  it('tells a missing database apart from a missing document', async () => {
    const client = createCouchClient(config, {
      fetch: fakeFetch({ '/loket/_local/loket-a': () => json(404, { error: 'not_found', reason: 'missing' }), '/gone/_local/loket-a': () => json(404, { error: 'not_found', reason: 'no_db_file' }) }),
    });
    expect(await client.getLocal('loket-a')).toBeNull();
    const other = createCouchClient({ ...config, database: 'gone' }, { fetch: fakeFetch({ '/gone/_local/loket-a': () => json(404, { error: 'not_found', reason: 'no_db_file' }) }) });
    await expect(other.getLocal('loket-a')).rejects.toMatchObject({ code: 'database-missing' });
  });

  it('reports per document which writes were refused', async () => {
    const client = createCouchClient(config, {
      fetch: fakeFetch({ '/loket/_bulk_docs': () => json(201, [{ id: 'case:x:1', ok: true, rev: '2-b' }, { id: 'case:x:2', error: 'conflict', reason: 'Document update conflict.' }]) }),
    });
    expect(await client.bulkDocs([{ _id: 'case:x:1' }, { _id: 'case:x:2' }])).toEqual([
      { id: 'case:x:1', ok: true, rev: '2-b' },
      { id: 'case:x:2', ok: false, error: 'conflict', reason: 'Document update conflict.' },
    ]);
  });

  it('rejects an answer that is not what CouchDB sends', async () => {
    const client = createCouchClient(config, { fetch: fakeFetch({ '/loket/_changes': () => json(200, { rows: [] }) }) });
    await expect(client.changes(0, 10)).rejects.toBeInstanceOf(SyncError);
  });
});
