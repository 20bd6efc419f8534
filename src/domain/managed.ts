/**
 * The organisation's policy (enterprise policy, `storage.managed`), one import for storage and the options
 * page. The parts, each in a file of its own:
 * - managed-policy.ts: what a policy is (the keys, their types, the problems one can have);
 * - managed-rules.ts: how each key is checked and converted;
 * - parse-managed.ts: reading a policy key by key, keeping the last good value of a wrong key;
 * - managed-settings.ts: the settings in force (policy, agent, defaults) and which are locked;
 * - managed-sets.ts: the team templates and tags merged into what is stored.
 */
export { MANAGED_SETTING_KEYS, type ManagedKey, type ManagedPolicy, type ManagedProblem, type ManagedSettingKey, type ManagedTag } from './managed-policy';
export { MANAGED_KEYS } from './managed-rules';
export { parseManaged, parseManagedTags, withLastGood } from './parse-managed';
export { effectiveSettings, managedSettings } from './managed-settings';
export { mergeTags, mergeTeamTemplates } from './managed-sets';
