/**
 * Signing in to the team server with its own session (CouchDB's cookie authentication), so no password is
 * kept anywhere: `POST /_session` with the name and password the agent typed, once; the server answers with
 * an `AuthSession` cookie (HttpOnly) that the browser keeps and sends with every later request of the
 * background (`credentials: 'include'`), and that CouchDB renews on use once a tenth of its lifetime
 * (`[chttpd_auth] timeout`, default 10 minutes) has passed. Loket polls every 10 s while the browser runs
 * and every minute from an alarm, so a session lives as long as the browser is used; after a night away,
 * a restart of the browser, or when IT revokes it, the server answers 401 and sync pauses until the agent
 * signs in again. Nothing is lost meanwhile: local changes stay pending.
 *
 * The browser keeps the cookie only for a server Loket has host access to (the options page asks for
 * exactly that origin); without it the login "succeeds" but no cookie is kept, which `login` checks by
 * asking `GET /_session` who it is.
 *
 *   signed-out(never) ──login ok──▶ signed-in ──401 on a request──▶ signed-out(expired) ──login ok──▶ signed-in
 *        ▲                              │ server or name changed / sign out                 │
 *        └──────────────────────────────┴────────────────────────────────────────────────────┘
 */
import * as z from 'zod/mini';
import { NEVER_SIGNED_IN, type SessionState } from '../storage/sync-config';
import { checkServerUrl, SyncError, type Fetch } from './couch-client';

export type SessionEvent =
  /** The server accepted a login, and the browser keeps its cookie. */
  | { type: 'signed-in'; name: string; at: number }
  /** The server answered 401 to a request made with the session: it expired or was revoked. */
  | { type: 'refused'; at: number }
  /** The agent signed out. */
  | { type: 'signed-out'; at: number }
  /** Another server or another name was saved: the old session is not for it. */
  | { type: 'account-changed' };

/** The credential state machine. */
export function nextSession(current: SessionState, event: SessionEvent): SessionState {
  switch (event.type) {
    case 'signed-in':
      return { state: 'signed-in', name: event.name, since: event.at };
    case 'refused':
      // Only a live session can expire; a refusal while signed out keeps the reason already shown.
      return current.state === 'signed-in' ? { state: 'signed-out', reason: 'expired', at: event.at } : current;
    case 'signed-out':
      return { state: 'signed-out', reason: 'signed-out', at: event.at };
    case 'account-changed':
      return NEVER_SIGNED_IN;
  }
}

/** Whether sync may send requests: only with a session. */
export function canSync(session: SessionState): boolean {
  return session.state === 'signed-in';
}

/** Same server and same name: a session made for one still serves the other. */
export function sameAccount(a: { url: string; username?: string | undefined }, b: { url: string; username?: string | undefined }): boolean {
  const base = (url: string) => {
    const checked = checkServerUrl({ url, database: 'x' });
    return checked.ok ? checked.base : url.trim();
  };
  return base(a.url) === base(b.url) && (a.username ?? '') === (b.username ?? '');
}

export interface SessionOptions {
  fetch?: Fetch;
  timeoutMs?: number;
}

const sessionInfo = z.looseObject({ userCtx: z.looseObject({ name: z.nullable(z.optional(z.string())) }) });

/**
 * Signs in: the password goes to the server once and is not kept. Resolves with the name the server knows
 * the agent by; throws a SyncError: `unauthorised` (wrong name or password), `no-access` (the browser did
 * not keep the session: Loket has no access to the server's address), `unreachable`, `not-couchdb`, …
 */
export async function login(url: string, username: string, password: string, options: SessionOptions = {}): Promise<string> {
  const base = serverBase(url);
  const response = await call(`${base}/_session`, { method: 'POST', body: JSON.stringify({ name: username, password }), headers: { 'Content-Type': 'application/json' } }, base, options);
  if (response.status === 401 || response.status === 403) throw new SyncError('unauthorised', 'The server refused the name or password.', response.status);
  if (response.status === 404) throw new SyncError('not-couchdb', `${base} answers, but has no CouchDB login (/_session).`, 404);
  if (!response.ok) throw new SyncError('server-error', `The server failed to sign in (${response.status}).`, response.status);
  const name = await whoAmI(url, options);
  if (name === null) {
    throw new SyncError(
      'no-access',
      'The server accepted the login, but the browser did not keep its session: allow Loket access to this server address when the browser asks (Verbinding testen).',
    );
  }
  return name;
}

/** The name the server's session belongs to, or null when the request carries no session. */
export async function whoAmI(url: string, options: SessionOptions = {}): Promise<string | null> {
  const base = serverBase(url);
  const response = await call(`${base}/_session`, { method: 'GET' }, base, options);
  if (!response.ok) throw new SyncError('server-error', `The server did not say who is signed in (${response.status}).`, response.status);
  const parsed = sessionInfo.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new SyncError('not-couchdb', `${base} answers, but not as a CouchDB server (/_session).`);
  return parsed.data.userCtx.name ?? null;
}

/** Ends the session on the server (its cookie is cleared); a server out of reach is no error. */
export async function logout(url: string, options: SessionOptions = {}): Promise<void> {
  const base = serverBase(url);
  await call(`${base}/_session`, { method: 'DELETE' }, base, options).catch(() => undefined);
}

function serverBase(url: string): string {
  const checked = checkServerUrl({ url, database: 'x' });
  if (!checked.ok) throw new SyncError(checked.code, checked.message);
  return checked.base;
}

async function call(url: string, init: RequestInit, base: string, options: SessionOptions): Promise<Response> {
  const doFetch: Fetch = options.fetch ?? ((input, request) => fetch(input, request));
  const timeoutMs = options.timeoutMs ?? 30_000;
  try {
    return await doFetch(url, { ...init, headers: { Accept: 'application/json', ...(init.headers as Record<string, string> | undefined) }, credentials: 'include', cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new SyncError('unreachable', `The server at ${base} cannot be reached (${why}).`);
  }
}
