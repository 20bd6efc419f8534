/** The settings in force: the organisation's policy combined with the agent's own settings and the defaults. */
import { isRecord, ownAccountsText, type ManagedPolicy } from './managed-policy';
import type { Settings } from './settings';

/** The settings a policy sets, in the form Settings keeps them. */
export function managedSettings(policy: ManagedPolicy): Partial<Settings> {
  const settings: Partial<Settings> = {};
  if (policy.municipality !== undefined) settings.municipality = policy.municipality;
  if (policy.ownAccounts !== undefined) settings.ownAccounts = ownAccountsText(policy.ownAccounts);
  if (policy.officeHours !== undefined) settings.officeHours = policy.officeHours;
  if (policy.sla !== undefined) settings.sla = policy.sla;
  if (policy.retentionDays !== undefined) settings.retentionDays = policy.retentionDays;
  if (policy.accountGuard !== undefined) settings.accountGuard = policy.accountGuard;
  if (policy.readabilityIndicator !== undefined) settings.readabilityIndicator = policy.readabilityIndicator;
  if (policy.intake !== undefined) settings.intake = policy.intake;
  return settings;
}

/** Structural equality of JSON values, ignoring the order of object keys. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a).filter((k) => a[k] !== undefined);
  return keys.length === Object.keys(b).filter((k) => b[k] !== undefined).length && keys.every((k) => sameJson(a[k], b[k]));
}

/**
 * The settings in force: the organisation's value wins over the agent's, and the agent's over the default,
 * except for the keys in `overridable` (the policy's agentMayOverride), where the agent's own value wins if
 * the agent set one and the organisation's value is only the starting value. `lockedKeys` are the settings
 * the options page shows read-only, "set by your organisation".
 *
 * A personal value counts as set when it differs from the default: the settings are stored as a whole, so a
 * value equal to the default cannot be told apart from one never touched.
 */
export function effectiveSettings(
  defaults: Settings,
  managed: ManagedPolicy,
  personal: Partial<Settings>,
  overridable: Iterable<string> = managed.agentMayOverride ?? [],
): { settings: Settings; lockedKeys: Set<keyof Settings> } {
  const fromPolicy = managedSettings(managed);
  const mayOverride = new Set(overridable);
  const settings: Settings = { ...defaults };
  const lockedKeys = new Set<keyof Settings>();

  const decide = <K extends keyof Settings>(key: K) => {
    const own = personal[key];
    const org = fromPolicy[key];
    const ownIsSet = own !== undefined && !sameJson(own, defaults[key]);
    if (org !== undefined && !mayOverride.has(key)) {
      settings[key] = org as Settings[K];
      lockedKeys.add(key);
    } else if (ownIsSet) settings[key] = own as Settings[K];
    else if (org !== undefined) settings[key] = org as Settings[K];
  };
  for (const key of Object.keys(defaults) as Array<keyof Settings>) decide(key);
  return { settings, lockedKeys };
}
