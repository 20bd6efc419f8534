/**
 * Keeps syncing while the background runs: one run at a time, a run soon after a local change, a poll while
 * all is well, and exponential backoff (5 s, 10 s, 20 s … 5 min) while the server cannot be reached. The
 * status is stored in IndexedDB at each step, so the popup shows it and a restarted worker keeps the backoff.
 *
 * A service worker's timers die with it: the background also calls `syncNow()` from a browser alarm, which
 * respects the backoff (`retryAt`) unless forced. Local work never waits for any of this.
 */
import type { CaseId } from '../domain/case-id';
import type { LoketDatabase } from '../storage/db';
import { loadCheckpoint, loadSyncStatus, saveSyncStatus } from '../storage/sync-meta';
import type { SyncStatus } from '../storage/sync-records';
import { countPending } from './pending-count';
import { createCouchClient, SyncError, syncTarget, type Fetch, type SyncConfig } from './couch-client';
import { syncOnce, type SyncResult } from './replicator';
import type { RemovedCase } from './apply-pull';

export interface SyncLoopOptions {
  database: () => Promise<LoketDatabase>;
  /** The sync settings as they are now; null while sync is off. */
  config: () => Promise<SyncConfig | null>;
  /**
   * Whether the server's session is believed alive (session.ts). While it is not, a run sends nothing and the
   * loop pauses (no timer) until settings are saved or a login succeeds. Absent: always (basic auth, tests).
   */
  signedIn?: () => Promise<boolean>;
  /** A request was refused with 401 on the session: record that it expired (the run then pauses). */
  onSignedOut?: () => Promise<void>;
  fetch?: Fetch;
  clock?: () => number;
  timers?: { setTimeout(run: () => void, ms: number): unknown; clearTimeout(handle: unknown): void };
  /** Every status change (syncing, idle, offline, error). */
  onStatus?: (status: SyncStatus) => void;
  /** Cases written here by a run (from the server or merged): views should read them again. */
  onChanged?: (caseIds: CaseId[]) => void;
  /** Cases a run deleted here because they were deleted on the server (an erasure or a purge elsewhere). */
  onRemoved?: (removed: RemovedCase[]) => void;
  /** This browser's agent, for their presence on the server (presence-push.ts). */
  identity?: () => Promise<{ name: string; initials: string }>;
  /** A run brought colleagues' presence (someone went away, came back, or was seen). */
  onTeam?: () => void;
  /** Between runs while all is well. */
  pollMs?: number;
  /** After a local change, so a burst of changes goes in one run. */
  debounceMs?: number;
  minRetryMs?: number;
  maxRetryMs?: number;
  batchSize?: number;
}

/** Backoff after `failures` failed runs in a row: min × 2^(failures − 1), at most max. */
export function retryDelay(failures: number, minMs = 5_000, maxMs = 300_000): number {
  return Math.min(maxMs, minMs * 2 ** Math.max(0, failures - 1));
}

export class SyncLoop {
  private timer: unknown;
  private timerAt = Number.POSITIVE_INFINITY;
  private running: Promise<SyncStatus> | null = null;
  private again = false;
  private stopped = true;
  private abort: AbortController | null = null;
  private readonly clock: () => number;
  private readonly timers: NonNullable<SyncLoopOptions['timers']>;

  constructor(private readonly options: SyncLoopOptions) {
    this.clock = options.clock ?? Date.now;
    this.timers = options.timers ?? { setTimeout: (run, ms) => setTimeout(run, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };
  }

  /** Starts syncing now and keeps at it until stop(). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops the timer and cuts off a run in progress (what it finished is kept). */
  stop(): void {
    this.stopped = true;
    this.clear();
    this.abort?.abort(new DOMException('sync stopped', 'AbortError'));
  }

  /** Something changed here: sync soon. Settings changed: pass `0` to try at once, despite any backoff. */
  requestSync(delayMs = this.options.debounceMs ?? 1_500): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    // A run already due sooner stays: a stream of changes must not put the sync off for ever.
    if (delayMs > 0 && this.timer !== undefined && this.timerAt <= this.clock() + delayMs) return;
    this.schedule(delayMs, delayMs === 0);
  }

  /** One run now, unless one is running (then its result) or the backoff says wait (unless forced). */
  async syncNow(force = false): Promise<SyncStatus> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const db = await this.options.database();
    const status = await loadSyncStatus(db);
    if (!force && status.retryAt !== undefined && status.retryAt > this.clock()) {
      this.scheduleNext(status);
      return status;
    }
    this.running = this.run(db, status).finally(() => {
      this.running = null;
    });
    const result = await this.running;
    // Changes made during the run go now, unless the run failed: then the backoff decides.
    if (this.again && result.retryAt === undefined) {
      this.again = false;
      this.schedule(0);
    } else {
      this.again = false;
      this.scheduleNext(result);
    }
    return result;
  }

  async status(): Promise<SyncStatus> {
    return loadSyncStatus(await this.options.database());
  }

  private async run(db: LoketDatabase, previous: SyncStatus): Promise<SyncStatus> {
    const config = await this.options.config();
    if (!config) return this.save(db, { state: 'idle', pending: 0, failures: 0 });
    if (this.options.signedIn && !(await this.options.signedIn())) return this.save(db, await this.paused(db, config, previous));
    await this.save(db, { ...previous, state: 'syncing' });
    this.abort = new AbortController();
    const { signal } = this.abort;
    let result: SyncResult | undefined;
    let status: SyncStatus;
    try {
      const client = createCouchClient(config, { ...(this.options.fetch ? { fetch: this.options.fetch } : {}), signal });
      const presence = await this.options.identity?.();
      result = await syncOnce(db, client, { signal, ...(this.options.batchSize ? { batchSize: this.options.batchSize } : {}), ...(presence ? { presence } : {}) }, this.clock());
      const pending = await countPending(db, await loadCheckpoint(db, client.target), this.clock());
      status = { state: 'idle', lastSyncAt: this.clock(), pending, failures: 0 };
    } catch (error) {
      const failures = previous.failures + 1;
      const code = error instanceof SyncError ? error.code : 'internal';
      if (code === 'signed-out' && !signal.aborted) {
        await this.options.onSignedOut?.();
        return this.save(db, await this.paused(db, config, previous));
      }
      const transient = code === 'unreachable' || code === 'server-error' || code === 'internal';
      const message = error instanceof Error ? error.message : String(error);
      const target = syncTarget(config);
      const checkpoint = target === null ? undefined : await loadCheckpoint(db, target).catch(() => undefined);
      const pending = await countPending(db, checkpoint, this.clock()).catch(() => previous.pending);
      status = {
        state: signal.aborted ? 'idle' : code === 'unreachable' ? 'offline' : 'error',
        ...(previous.lastSyncAt !== undefined ? { lastSyncAt: previous.lastSyncAt } : {}),
        pending: signal.aborted ? previous.pending : pending,
        ...(signal.aborted ? {} : { error: { code, message } }),
        failures: signal.aborted ? previous.failures : failures,
        // Settings that are wrong do not fix themselves: try again rarely, and at once when they are saved.
        ...(signal.aborted ? {} : { retryAt: this.clock() + (transient ? retryDelay(failures, this.options.minRetryMs, this.options.maxRetryMs) : (this.options.maxRetryMs ?? 300_000)) }),
      };
    } finally {
      this.abort = null;
    }
    if (result && result.changed.length > 0) this.options.onChanged?.(result.changed);
    if (result && result.removed.length > 0) this.options.onRemoved?.(result.removed);
    if (result && result.presencePulled > 0) this.options.onTeam?.();
    return this.save(db, status);
  }

  /** Waiting for the agent to sign in again: what is pending stays pending, counted, and nothing is retried. */
  private async paused(db: LoketDatabase, config: SyncConfig, previous: SyncStatus): Promise<SyncStatus> {
    const target = syncTarget(config);
    const checkpoint = target === null ? undefined : await loadCheckpoint(db, target).catch(() => undefined);
    const pending = await countPending(db, checkpoint, this.clock()).catch(() => previous.pending);
    return {
      state: 'signed-out',
      ...(previous.lastSyncAt !== undefined ? { lastSyncAt: previous.lastSyncAt } : {}),
      pending,
      error: { code: 'signed-out', message: 'Not signed in to the team server: sign in again on the options page.' },
      failures: 0,
    };
  }

  private async save(db: LoketDatabase, status: SyncStatus): Promise<SyncStatus> {
    await saveSyncStatus(db, status);
    this.options.onStatus?.(status);
    return status;
  }

  private scheduleNext(status: SyncStatus): void {
    if (this.stopped) return;
    if (status.state === 'signed-out') return this.clear();
    const wait = status.retryAt !== undefined ? Math.max(0, status.retryAt - this.clock()) : (this.options.pollMs ?? 30_000);
    this.schedule(wait);
  }

  private schedule(ms: number, force = false): void {
    if (this.stopped) return;
    this.clear();
    this.timerAt = this.clock() + ms;
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.timerAt = Number.POSITIVE_INFINITY;
      void this.syncNow(force).catch(() => undefined);
    }, ms);
  }

  private clear(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
  }
}
