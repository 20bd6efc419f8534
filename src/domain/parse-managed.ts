/**
 * Reading what `storage.managed` holds into a checked ManagedPolicy, key by key (managed-rules.ts): a wrong key
 * is reported and left out, the rest applies; `withLastGood` keeps the last good value of a key that is now wrong.
 */
import { isRecord, type ManagedKey, type ManagedPolicy, type ManagedProblem, type ManagedTag } from './managed-policy';
import { RULES, type JsonType, type KeyRule } from './managed-rules';

function hasType(value: unknown, type: JsonType): boolean {
  if (type === 'integer') return typeof value === 'number';
  if (type === 'array') return Array.isArray(value);
  if (type === 'object') return isRecord(value);
  return typeof value === type;
}

/** 'a string ("30")', 'a list', … */
function found(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  const shown = JSON.stringify(value) ?? String(value);
  const brief = shown.length > 40 ? `${shown.slice(0, 37)}…` : shown;
  return `${typeof value === 'boolean' ? 'true/false' : `a ${typeof value}`} (${brief})`;
}

/**
 * Reads what `storage.managed.get()` returned. Each key is checked on its own: a wrong key is reported and
 * left out, the rest applies. Nothing set (undefined, null, {}) is an empty policy without problems.
 */
export function parseManaged(raw: unknown): { policy: ManagedPolicy; problems: ManagedProblem[] } {
  const policy: ManagedPolicy = {};
  const problems: ManagedProblem[] = [];
  if (raw === undefined || raw === null) return { policy, problems };
  if (!isRecord(raw)) {
    problems.push({ key: '(policy)', code: 'wrong-type', message: `(policy): expected an object of settings, found ${found(raw)}` });
    return { policy, problems };
  }

  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    if (!(key in RULES)) {
      problems.push({ key, code: 'unknown-key', message: `${key}: Loket has no setting by this name; ignored` });
      continue;
    }
    const k = key as ManagedKey;
    const rule = RULES[k] as KeyRule<ManagedKey>;
    if (!hasType(value, rule.type)) {
      problems.push({ key, code: 'wrong-type', message: `${key}: expected ${rule.expected}, found ${found(value)}` });
      continue;
    }
    const read = rule.read(value);
    if (read.ok) (policy as Record<ManagedKey, unknown>)[k] = read.value;
    if (read.problem) problems.push({ key, code: 'invalid', message: read.ok ? read.problem : `${read.problem} (expected ${rule.expected})` });
  }

  // Inline wins over a URL: it needs no network, and IT can see at chrome://policy what agents get.
  for (const [inline, url] of [['teamTemplates', 'teamTemplatesUrl'], ['tags', 'tagsUrl']] as const) {
    if (inline in raw && url in raw) {
      delete policy[url];
      problems.push({ key: url, code: 'conflict', message: `${url}: set together with ${inline}; ${inline} is used and ${url} ignored` });
    }
  }
  return { policy, problems };
}

/**
 * The policy with every key that is wrong now (a problem other than an unknown or conflicting key) taken from
 * `lastGood`, the last policy that had it right: Loket keeps working on the last good set until IT fixes it.
 */
export function withLastGood(policy: ManagedPolicy, problems: readonly ManagedProblem[], lastGood: ManagedPolicy | undefined): ManagedPolicy {
  if (!lastGood) return policy;
  const merged: Record<string, unknown> = { ...policy };
  for (const { key, code } of problems) {
    if ((code === 'wrong-type' || code === 'invalid') && !(key in policy) && key in lastGood) merged[key] = lastGood[key as ManagedKey];
  }
  return merged as ManagedPolicy;
}

/** The tag list a tagsUrl serves: an array of tags, or { "tags": [...] }. */
export function parseManagedTags(raw: unknown): { ok: true; tags: ManagedTag[] } | { ok: false; message: string } {
  const list = isRecord(raw) && 'tags' in raw ? raw.tags : raw;
  if (!Array.isArray(list)) return { ok: false, message: `tagsUrl: expected ${RULES.tags.expected}, found ${found(list)}` };
  const read = RULES.tags.read(list);
  return read.ok ? { ok: true, tags: read.value } : { ok: false, message: `tagsUrl: ${read.problem}` };
}
