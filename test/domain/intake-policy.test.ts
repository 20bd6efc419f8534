/** The organisation's `intake` policy key: read, checked, locked as one setting. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_INTAKE } from '../../src/domain/intake-settings';
import { effectiveSettings, parseManaged } from '../../src/domain/managed';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { settingsSchema } from '../../src/domain/settings-schema';

describe('the intake policy', () => {
  it('reads the switches, keywords and team accounts, filling what IT left out with the defaults', () => {
    const { policy, problems } = parseManaged({ intake: { sites: { facebook: false }, keywords: ['#gemeentewesterzand', 'grofvuil'], teamAccounts: ['@jan_gemeente'] } });
    expect(problems).toEqual([]);
    expect(policy.intake).toEqual({ sites: { x: true, facebook: false }, mentionsOnly: false, keywords: '#gemeentewesterzand, grofvuil', teamAccounts: '@jan_gemeente' });
    // What the policy gives is a valid setting.
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, intake: policy.intake }).success).toBe(true);
  });

  it('refuses a wrong value by name, and applies the other keys', () => {
    const { policy, problems } = parseManaged({ intake: { sites: { x: 'ja' }, keywords: ['a, b'] }, retentionDays: 30 });
    expect(policy).toEqual({ retentionDays: 30 });
    expect(problems.map((p) => p.key)).toEqual(['intake']);
    expect(problems[0]!.message).toMatch(/^intake\.sites\.x: /);
    expect(parseManaged({ intake: { keywords: ['a, b'] } }).problems[0]!.message).toMatch(/a keyword cannot contain a comma/);
    expect(parseManaged({ intake: { mentionsOnly: true, extra: 1 } }).problems[0]!.key).toBe('intake');
  });

  it('locks intake as one setting, unless the agent may change it', () => {
    const { policy } = parseManaged({ intake: { mentionsOnly: true } });
    const personal = { ...DEFAULT_SETTINGS, intake: { ...DEFAULT_INTAKE, keywords: 'eigen' } };
    const locked = effectiveSettings(DEFAULT_SETTINGS, policy, personal, []);
    expect(locked.settings.intake).toEqual({ ...DEFAULT_INTAKE, mentionsOnly: true });
    expect(locked.lockedKeys.has('intake')).toBe(true);
    const allowed = effectiveSettings(DEFAULT_SETTINGS, policy, personal, ['intake']);
    expect(allowed.settings.intake.keywords).toBe('eigen');
    expect(allowed.lockedKeys.has('intake')).toBe(false);
  });

  it('gives settings stored before intake existed the default intake', () => {
    const { intake: _none, ...old } = DEFAULT_SETTINGS;
    expect(settingsSchema.safeParse(old).success).toBe(false);
    expect(settingsSchema.parse({ ...DEFAULT_SETTINGS, ...old }).intake).toEqual(DEFAULT_INTAKE);
  });
});
