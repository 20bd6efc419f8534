/** Test helpers for sync: cases and versions by hand, and a real CouchDB-protocol server (PouchDB Server). */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CaseId } from '../../src/domain/case-id';
import { caseIdFor } from '../../src/domain/case-id';
import type { PostRef } from '../../src/domain/post-ref';
import type { CaseClocks, CaseVersion, Stamp, SyncedCase } from '../../src/sync/merge';

export const stamp = (at: number, actor: string, id = `${actor}-${at}`): Stamp => ({ at, actor, id });

export function baseCase(overrides: Partial<SyncedCase> = {}): SyncedCase {
  return {
    id: caseIdFor('x', '100') as CaseId,
    site: 'x',
    url: 'https://x.com/inwoner/status/100',
    author: { name: 'Inwoner', handle: '@inwoner' },
    text: 'De container is niet geleegd',
    postedAt: 1_000,
    postedAtSource: 'page',
    status: 'new',
    tags: [],
    createdAt: 1_000,
    updatedAt: 1_000,
    ...overrides,
  };
}

export function version(c: Partial<SyncedCase>, clocks: Partial<CaseClocks> = {}): Extract<CaseVersion, { deleted: false }> {
  return { deleted: false, case: baseCase(c), clocks: { fields: clocks.fields ?? {}, tags: clocks.tags ?? {} } };
}

export function post(id: string, text = 'Wanneer wordt het afval opgehaald?', postedAt = 1_700_000_000_000): PostRef {
  return {
    caseId: caseIdFor('x', id),
    site: 'x',
    url: `https://x.com/inwoner/status/${id}`,
    author: { name: 'Inwoner', handle: '@inwoner' },
    text,
    postedAt,
    postedAtSource: 'page',
  };
}

/** A clock that moves on by a second each time it is read, from now: times as the background would stamp. */
export function ticking(start = Date.now()): () => number {
  let t = start;
  return () => (t += 1_000);
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

export const ADMIN = { username: 'loket', password: 'geheim' };

/**
 * PouchDB Server on a free port, storing on disk in a temporary folder so it can be stopped and started again
 * with its data (as a real server would restart). Runs with an admin account: anonymous requests may still
 * read and write, but a wrong password gets 401 as on CouchDB.
 */
export class TestServer {
  readonly dir = mkdtempSync(join(tmpdir(), 'loket-couch-'));
  url = '';
  private port = 0;
  private child: ChildProcess | undefined;

  async start(): Promise<void> {
    this.port ||= await freePort();
    this.url = `http://127.0.0.1:${this.port}`;
    const bin = fileURLToPath(new URL('../../node_modules/.bin/pouchdb-server', import.meta.url));
    this.child = spawn(bin, ['--port', String(this.port), '--dir', join(this.dir, 'data'), '--config', join(this.dir, 'config.json'), '-n'], {
      cwd: this.dir,
      stdio: 'ignore',
    });
    const until = Date.now() + 30_000;
    for (;;) {
      try {
        const response = await fetch(`${this.url}/`);
        if (response.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > until) throw new Error('pouchdb-server did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const admins = await fetch(`${this.url}/_config/admins/${ADMIN.username}`, { headers: this.auth() });
    if (admins.status !== 200) {
      await fetch(`${this.url}/_config/admins/${ADMIN.username}`, { method: 'PUT', body: JSON.stringify(ADMIN.password), headers: { 'Content-Type': 'application/json' } });
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  auth(): Record<string, string> {
    return { Authorization: `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.password}`).toString('base64')}`, 'Content-Type': 'application/json' };
  }

  async createDb(name: string): Promise<void> {
    const response = await fetch(`${this.url}/${name}`, { method: 'PUT', headers: this.auth() });
    if (!response.ok) throw new Error(`cannot create ${name}: ${response.status}`);
  }

  async deleteDb(name: string): Promise<void> {
    await fetch(`${this.url}/${name}`, { method: 'DELETE', headers: this.auth() });
  }

  async json(path: string, init: RequestInit = {}): Promise<any> {
    const response = await fetch(`${this.url}${path}`, { ...init, headers: this.auth() });
    return response.json();
  }
}
