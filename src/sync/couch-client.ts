/**
 * A small typed client for the CouchDB HTTP API, only what replication needs, over an injectable `fetch`.
 * Works with Apache CouchDB and with servers that speak its replication protocol (PouchDB Server).
 * Every failure is a SyncError with a code the settings page and the popup can put in words:
 *
 *   invalid-url       the server address is not a URL (or carries a password in it)
 *   insecure          http:// to anything but this computer: the password would cross the network readable
 *   unreachable       no answer (offline, wrong address, DNS, TLS, timeout, or CORS refused)
 *   unauthorised      403 (or 401 with a password): wrong name or password, or no access to the database
 *   signed-out        401 to a request signed with the server's session: it expired or was revoked
 *   no-access         the browser did not keep the server's session (no host access to its address)
 *   database-missing  the server answers, the database does not exist
 *   not-couchdb       something answers, but not a CouchDB server
 *   server-error      the server failed (5xx) or refused a request for another reason
 */
import * as z from 'zod/mini';
import type { SyncConfig } from '../storage/sync-config';
import type { SyncErrorCode } from '../storage/sync-records';

export type { SyncConfig, SyncErrorCode };


export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export type ConnectionResult = { ok: true; serverVersion: string; vendor: string } | { ok: false; code: SyncErrorCode; message: string };

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** A new revision or the reason there is none, per document, in the order sent. */
export type BulkResult = { id: string; ok: true; rev: string } | { id: string; ok: false; error: string; reason: string };

export interface ChangesPage {
  /** `doc` only when asked for with the documents; `revs`: the leaf revisions, the winning one first. */
  results: Array<{ id: string; seq: unknown; deleted?: boolean; doc?: unknown; revs?: string[] }>;
  lastSeq: string | number;
  /** Changes still waiting after this page, when the server says. */
  pending?: number;
}

export interface CouchClient {
  /** The server's address and database, as a key for checkpoints: one per server and database. */
  readonly target: string;
  serverInfo(): Promise<{ version: string; vendor: string }>;
  databaseInfo(): Promise<{ docCount: number; updateSeq: unknown }>;
  /** Writes documents. `newEdits: false` stores the given revisions as they are (replication of fixed revisions). */
  bulkDocs(docs: readonly object[], newEdits?: boolean): Promise<BulkResult[]>;
  /** The current (winning) version of each id, with `_conflicts`; null for a missing one, a tombstone for a deleted one. */
  getDocs(ids: readonly string[]): Promise<Map<string, unknown>>;
  /** Ids in [start, end] (tombstones excluded), with their revisions. */
  listIds(start: string, end: string): Promise<Array<{ id: string; rev: string }>>;
  /** Given revisions of documents; null where the server has none. */
  getRevisions(refs: ReadonlyArray<{ id: string; rev: string }>): Promise<Array<{ id: string; rev: string; doc: unknown | null }>>;
  /** Changes after `since`; with `withDocs` false only ids and revisions (fetch what is new with getDocs). */
  changes(since: string | number, limit: number, withDocs?: boolean): Promise<ChangesPage>;
  getLocal(id: string): Promise<Record<string, unknown> | null>;
  putLocal(id: string, body: Record<string, unknown>): Promise<void>;
}

export interface ClientOptions {
  fetch?: Fetch;
  /** Per request; a server that keeps silent longer counts as unreachable. */
  timeoutMs?: number;
  /** Stops every request (the sync was stopped). */
  signal?: AbortSignal;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
/** CouchDB's rule for database names. */
const DB_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

/** The server URL checked and normalised (no trailing slash), or why it cannot be used. */
export function checkServerUrl(config: Pick<SyncConfig, 'url' | 'database'>): { ok: true; base: string } | { ok: false; code: SyncErrorCode; message: string } {
  let url: URL;
  try {
    url = new URL(config.url.trim());
  } catch {
    return { ok: false, code: 'invalid-url', message: 'The server address is not a valid URL (for example https://couch.example.nl).' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, code: 'invalid-url', message: 'The server address must start with https://.' };
  if (url.username || url.password) return { ok: false, code: 'invalid-url', message: 'Put the name and password in their own fields, not in the server address.' };
  if (url.search || url.hash) return { ok: false, code: 'invalid-url', message: 'The server address must not contain "?" or "#".' };
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
    return { ok: false, code: 'insecure', message: 'Use https:// for the server: over http:// the password and the cases would cross the network readable. Only a server on this computer (localhost) may use http://.' };
  }
  if (!DB_NAME.test(config.database)) {
    return { ok: false, code: 'invalid-url', message: 'The database name must start with a lowercase letter and contain only lowercase letters, digits and _$()+-/.' };
  }
  return { ok: true, base: url.href.replace(/\/+$/, '') };
}

/** The key of a server and database for checkpoints, or null when the address cannot be used. */
export function syncTarget(config: Pick<SyncConfig, 'url' | 'database'>): string | null {
  const checked = checkServerUrl(config);
  return checked.ok ? `${checked.base}/${config.database}` : null;
}

export function createCouchClient(config: SyncConfig, options: ClientOptions = {}): CouchClient {
  const checked = checkServerUrl(config);
  if (!checked.ok) throw new SyncError(checked.code, checked.message);
  const base = checked.base;
  const dbUrl = `${base}/${encodeURIComponent(config.database)}`;
  const doFetch: Fetch = options.fetch ?? ((input, init) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const headers: Record<string, string> = { Accept: 'application/json' };
  // The extension signs requests with the server's session cookie (session.ts); a password only comes from
  // tools outside the browser (the benchmark, tests), which use basic authentication instead.
  const withSession = config.password === undefined;
  if (!withSession && config.username) headers.Authorization = basicAuth(config.username, config.password ?? '');

  /** One request; `scope` says what a 404 means. */
  async function request(url: string, init: { method?: string; body?: unknown } = {}, scope: 'server' | 'database' | 'document' = 'database'): Promise<{ status: number; body: unknown }> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await doFetch(url, {
        method: init.method ?? 'GET',
        headers: init.body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
        credentials: withSession ? 'include' : 'omit',
        cache: 'no-store',
        signal,
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const why = timeout.aborted ? `no answer within ${Math.round(timeoutMs / 1000)} s` : error instanceof Error ? error.message : String(error);
      throw new SyncError('unreachable', `The server at ${base} cannot be reached (${why}). Check the address and the network; the changes wait here until it answers.`);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    const reason = describe(body);
    if (response.status === 401 && withSession) throw new SyncError('signed-out', `The server no longer accepts this browser's session (expired or revoked)${reason}. Sign in again.`, 401);
    if (response.status === 401) throw new SyncError('unauthorised', `The server refused the name or password${reason}.`, 401);
    if (response.status === 403) throw new SyncError('unauthorised', `This account has no access to database "${config.database}"${reason}.`, 403);
    if (response.status === 404 && scope === 'server') throw new SyncError('not-couchdb', `${base} answers, but is not a CouchDB server (404 on its root).`, 404);
    if (response.status === 404 && (scope === 'database' || isMissingDatabase(body))) {
      throw new SyncError('database-missing', `The server has no database "${config.database}". Ask the server's administrator to create it.`, 404);
    }
    if (response.status >= 500) throw new SyncError('server-error', `The server failed (${response.status}${reason}). Sync tries again later.`, response.status);
    if (body === undefined) {
      throw new SyncError(scope === 'server' ? 'not-couchdb' : 'server-error', `${base} answered with something other than JSON (${response.status}): not a CouchDB server?`, response.status);
    }
    if (response.status >= 400 && !(response.status === 404 && scope === 'document')) {
      throw new SyncError('server-error', `The server refused the request (${response.status}${reason}).`, response.status);
    }
    return { status: response.status, body };
  }

  function parse<T>(schema: z.ZodMiniType<T>, body: unknown, what: string): T {
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new SyncError('server-error', `The server's answer to ${what} was not what a CouchDB server sends.`);
    return parsed.data;
  }

  const client: CouchClient = {
    target: `${base}/${config.database}`,

    async serverInfo() {
      const { body } = await request(`${base}/`, {}, 'server');
      const info = welcomeSchema.safeParse(body);
      // Apache CouchDB greets with {"couchdb":"Welcome"}; PouchDB Server with {"express-pouchdb":"Welcome!"}.
      if (!info.success || !(info.data.couchdb === 'Welcome' || info.data['express-pouchdb'] !== undefined)) {
        throw new SyncError('not-couchdb', `${base} answers, but is not a CouchDB server.`);
      }
      return { version: info.data.version ?? 'unknown', vendor: info.data.vendor?.name ?? (info.data.couchdb === 'Welcome' ? 'Apache CouchDB' : 'PouchDB Server') };
    },

    async databaseInfo() {
      const { body } = await request(`${dbUrl}`);
      const info = parse(dbInfoSchema, body, 'the database information');
      return { docCount: info.doc_count, updateSeq: info.update_seq };
    },

    async bulkDocs(docs, newEdits = true) {
      if (docs.length === 0) return [];
      const { body } = await request(`${dbUrl}/_bulk_docs`, { method: 'POST', body: { docs, new_edits: newEdits } });
      const rows = parse(bulkSchema, body, 'a bulk write');
      const byId = new Map<string, BulkResult>();
      for (const row of rows) {
        if (row.id === undefined) continue;
        byId.set(row.id, row.error ? { id: row.id, ok: false, error: row.error, reason: row.reason ?? '' } : { id: row.id, ok: true, rev: row.rev ?? '' });
      }
      // With new_edits=false the server answers only for failures: the others were stored.
      return docs.map((d) => {
        const id = (d as { _id: string })._id;
        const rev = (d as { _rev?: string })._rev ?? '';
        return byId.get(id) ?? (newEdits ? { id, ok: false, error: 'unknown', reason: 'no answer for this document' } : { id, ok: true, rev });
      });
    },

    async getDocs(ids) {
      const out = new Map<string, unknown>();
      if (ids.length === 0) return out;
      const { body } = await request(`${dbUrl}/_all_docs?include_docs=true&conflicts=true`, { method: 'POST', body: { keys: ids } });
      const deleted: Array<{ id: string; rev: string }> = [];
      for (const row of parse(allDocsSchema, body, 'a document list').rows) {
        if (row.key === undefined) continue;
        if (row.value?.deleted) {
          out.set(row.key, { _id: row.key, _rev: row.value.rev, _deleted: true });
          deleted.push({ id: row.key, rev: row.value.rev });
        } else out.set(row.key, row.doc ?? null);
      }
      // _all_docs gives a tombstone without its body; a case's says why it was deleted (merge.ts): read those.
      const cases = deleted.filter((d) => d.id.startsWith('case:'));
      if (cases.length > 0) for (const found of await client.getRevisions(cases)) if (found.doc) out.set(found.id, found.doc);
      for (const id of ids) if (!out.has(id)) out.set(id, null);
      return out;
    },

    async listIds(start, end) {
      const q = `startkey=${encodeURIComponent(JSON.stringify(start))}&endkey=${encodeURIComponent(JSON.stringify(end))}`;
      const { body } = await request(`${dbUrl}/_all_docs?${q}`);
      return parse(allDocsSchema, body, 'a document list').rows.flatMap((r) => (r.id && r.value?.rev ? [{ id: r.id, rev: r.value.rev }] : []));
    },

    async getRevisions(refs) {
      if (refs.length === 0) return [];
      const { body } = await request(`${dbUrl}/_bulk_get`, { method: 'POST', body: { docs: refs.map((r) => ({ id: r.id, rev: r.rev })) } });
      const results = parse(bulkGetSchema, body, 'a revision request').results;
      return refs.map((ref, i) => {
        const found = results[i]?.docs.find((d) => d.ok && (d.ok as { _rev?: unknown })._rev === ref.rev)?.ok;
        return { ...ref, doc: found ?? null };
      });
    },

    async changes(since, limit, withDocs = true) {
      const q = `since=${encodeURIComponent(String(since))}&limit=${limit}&style=all_docs${withDocs ? '&include_docs=true&conflicts=true' : ''}`;
      const { body } = await request(`${dbUrl}/_changes?${q}`);
      const page = parse(changesSchema, body, 'a list of changes');
      const results = page.results.map(({ changes, ...row }) => ({ ...row, ...(changes ? { revs: changes.map((c) => c.rev) } : {}) }));
      return { results, lastSeq: page.last_seq as string | number, ...(page.pending !== undefined ? { pending: page.pending } : {}) };
    },

    async getLocal(id) {
      const { status, body } = await request(`${dbUrl}/_local/${encodeURIComponent(id)}`, {}, 'document');
      return status === 404 ? null : (body as Record<string, unknown>);
    },

    async putLocal(id, body) {
      await request(`${dbUrl}/_local/${encodeURIComponent(id)}`, { method: 'PUT', body });
    },
  };
  return client;
}

/** Server, then database: the two things "test connection" must prove. Never throws. */
export async function testConnection(config: SyncConfig, options: ClientOptions = {}): Promise<ConnectionResult> {
  try {
    const client = createCouchClient(config, options);
    const server = await client.serverInfo();
    await client.databaseInfo();
    return { ok: true, serverVersion: server.version, vendor: server.vendor };
  } catch (error) {
    if (error instanceof SyncError) return { ok: false, code: error.code, message: error.message };
    return { ok: false, code: 'unreachable', message: error instanceof Error ? error.message : String(error) };
  }
}

/** The Authorization header for HTTP basic auth, UTF-8 safe (names with accents). */
export function basicAuth(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

function describe(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const { error, reason } = body as { error?: unknown; reason?: unknown };
  const parts = [error, reason].filter((p): p is string => typeof p === 'string' && p.length > 0);
  return parts.length > 0 ? `: ${parts.join(', ').slice(0, 200)}` : '';
}

/** A 404 about the database itself, not about a document in it. */
function isMissingDatabase(body: unknown): boolean {
  const reason = typeof body === 'object' && body !== null ? (body as { reason?: unknown }).reason : undefined;
  return reason === 'no_db_file' || reason === 'Database does not exist.';
}

const welcomeSchema = z.looseObject({
  couchdb: z.optional(z.string()),
  'express-pouchdb': z.optional(z.string()),
  version: z.optional(z.string()),
  vendor: z.optional(z.looseObject({ name: z.optional(z.string()) })),
});
const dbInfoSchema = z.looseObject({ doc_count: z.number(), update_seq: z.unknown() });
const bulkSchema = z.array(z.looseObject({ id: z.optional(z.string()), rev: z.optional(z.string()), error: z.optional(z.string()), reason: z.optional(z.string()) }));
const allDocsSchema = z.looseObject({
  rows: z.array(
    z.looseObject({
      id: z.optional(z.string()),
      key: z.optional(z.string()),
      value: z.optional(z.looseObject({ rev: z.string(), deleted: z.optional(z.boolean()) })),
      doc: z.optional(z.unknown()),
      error: z.optional(z.string()),
    }),
  ),
});
const bulkGetSchema = z.looseObject({
  results: z.array(z.looseObject({ id: z.string(), docs: z.array(z.looseObject({ ok: z.optional(z.unknown()), error: z.optional(z.unknown()) })) })),
});
const changesSchema = z.looseObject({
  results: z.array(
    z.object({ id: z.string(), seq: z.unknown(), deleted: z.optional(z.boolean()), doc: z.optional(z.unknown()), changes: z.optional(z.array(z.looseObject({ rev: z.string() }))) }),
  ),
  last_seq: z.union([z.string(), z.number()]),
  pending: z.optional(z.number()),
});
