/**
 * The organisation's policy as the background sees it: read from `storage.managed` (enterprise policy), each
 * key checked on its own, a key that is now wrong replaced by its last good value. Also the team templates
 * and tags the policy names (inline or at an https URL), merged into the stores without touching personal
 * templates or cases. Problems are kept for the options page and the popup's health line.
 */
import browser from 'webextension-polyfill';
import { mergeTags, mergeTeamTemplates, parseManaged, parseManagedTags, withLastGood, type ManagedPolicy, type ManagedProblem } from '../domain/managed';
import { parseTemplateFile } from '../domain/template-file';
import type { LoketDatabase } from './db';

const LAST_GOOD = 'managedLastGood';
const FETCH_PROBLEMS = 'managedFetchProblems';
const FETCH_TIMEOUT_MS = 15_000;

export interface PolicyState {
  policy: ManagedPolicy;
  problems: ManagedProblem[];
}

let cached: Promise<PolicyState> | undefined;

/** Forget the parsed policy (the browser says managed storage changed). */
export function policyChanged(): void {
  cached = undefined;
}

export function readPolicy(): Promise<PolicyState> {
  cached ??= load();
  return cached;
}

/** How long to wait for the browser's policy service before going on with the last policy seen. */
const MANAGED_WAIT_MS = 400;
const PENDING = Symbol('pending');

async function load(): Promise<PolicyState> {
  // Firefox throws when no policy is installed; Chrome answers {}: either way, no policy.
  const managed = browser.storage.managed.get().catch(() => ({}));
  // Right after the browser starts, Chrome answers only once its policy service has loaded (seconds): the
  // pages must not wait for that. Go on with the last policy seen; storage.onChanged('managed') follows.
  const raw = await Promise.race([managed, new Promise<typeof PENDING>((r) => setTimeout(() => r(PENDING), MANAGED_WAIT_MS))]);
  const lastGood = (await browser.storage.local.get(LAST_GOOD))[LAST_GOOD] as ManagedPolicy | undefined;
  if (raw === PENDING) {
    void managed.then(() => policyChanged()); // read again, fully, next time
    return { policy: lastGood ?? {}, problems: [] };
  }
  const parsed = parseManaged(raw);
  const policy = withLastGood(parsed.policy, parsed.problems, lastGood);
  await browser.storage.local.set({ [LAST_GOOD]: policy });
  const fetched = ((await browser.storage.local.get(FETCH_PROBLEMS))[FETCH_PROBLEMS] as ManagedProblem[] | undefined) ?? [];
  return { policy, problems: [...parsed.problems, ...fetched] };
}

async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, { credentials: 'omit', cache: 'no-cache', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

/**
 * Brings the team templates and tags in line with the policy. A URL that cannot be read, or whose content is
 * not valid, is reported and changes nothing: the last good set stays. Returns whether anything changed.
 */
export async function applyPolicyData(db: LoketDatabase, now: number): Promise<{ templates: boolean; tags: boolean }> {
  const { policy } = await readPolicy();
  const problems: ManagedProblem[] = [];
  let team = policy.teamTemplates;
  if (!team && policy.teamTemplatesUrl) {
    try {
      const file = parseTemplateFile(JSON.stringify(await fetchJson(policy.teamTemplatesUrl)));
      if (file.ok) team = file.templates;
      else problems.push({ key: 'teamTemplatesUrl', code: 'invalid', message: `teamTemplatesUrl: the file at ${policy.teamTemplatesUrl} is not a Loket template file (${file.detail})` });
    } catch (error) {
      problems.push({ key: 'teamTemplatesUrl', code: 'invalid', message: `teamTemplatesUrl: ${policy.teamTemplatesUrl} could not be read (${error instanceof Error ? error.message : String(error)})` });
    }
  }
  let tags = policy.tags;
  if (!tags && policy.tagsUrl) {
    try {
      const parsed = parseManagedTags(await fetchJson(policy.tagsUrl));
      if (parsed.ok) tags = parsed.tags;
      else problems.push({ key: 'tagsUrl', code: 'invalid', message: `tagsUrl: ${parsed.message}` });
    } catch (error) {
      problems.push({ key: 'tagsUrl', code: 'invalid', message: `tagsUrl: ${policy.tagsUrl} could not be read (${error instanceof Error ? error.message : String(error)})` });
    }
  }
  await browser.storage.local.set({ [FETCH_PROBLEMS]: problems });
  policyChanged(); // the problems are part of the state

  const changed = { templates: false, tags: false };
  if (team) {
    const tx = db.transaction('templates', 'readwrite');
    const existing = await tx.store.getAll();
    const merged = mergeTeamTemplates(existing, team, now);
    const keep = new Set(merged.map((t) => t.id));
    const before = new Map(existing.map((t) => [t.id, JSON.stringify(t)]));
    for (const t of existing) {
      if (keep.has(t.id)) continue;
      await tx.store.delete(t.id);
      changed.templates = true;
    }
    for (const t of merged) {
      if (before.get(t.id) === JSON.stringify(t)) continue;
      await tx.store.put(t);
      changed.templates = true;
    }
    await tx.done;
  }
  if (tags) {
    const tx = db.transaction('tags', 'readwrite');
    const existing = await tx.store.getAll();
    const before = new Map(existing.map((t) => [t.id, JSON.stringify(t)]));
    for (const t of mergeTags(existing, tags)) {
      if (before.get(t.id) === JSON.stringify(t)) continue;
      await tx.store.put(t);
      changed.tags = true;
    }
    await tx.done;
  }
  return changed;
}
