import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/domain/case';
import type { CaseId } from '../../src/domain/case-id';
import type { OfficeCalendar } from '../../src/domain/office-hours';
import { DEFAULT_SETTINGS } from '../../src/protocol/messages';
import { timerView } from '../../src/ui/timer';

const MIN = 60_000;
const ALL_DAY = [{ start: '00:00', end: '24:00' }];
const open24: OfficeCalendar = { timeZone: 'Europe/Amsterdam', week: { 1: ALL_DAY, 2: ALL_DAY, 3: ALL_DAY, 4: ALL_DAY, 5: ALL_DAY, 6: ALL_DAY, 7: ALL_DAY }, goodFriday: false, liberationDay: 'never', closingDays: [] };
const T0 = Date.UTC(2026, 10, 24, 9);
const base: Case = {
  id: 'x:1' as CaseId,
  site: 'x',
  url: 'https://x.com/a/status/1',
  author: { name: 'A' },
  text: 'vraag',
  postedAt: T0,
  postedAtSource: 'page',
  status: 'new',
  tags: [],
  dueAt: T0 + 60 * MIN,
  createdAt: T0,
  updatedAt: T0,
};
const policy = { officeHours: open24, sla: { ...DEFAULT_SETTINGS.sla, resolutionMs: { x: 8 * 60 * MIN } } };

describe('the response timer in words', () => {
  it('says the state first, then office time waited and left', () => {
    expect(timerView(base, T0 + 10 * MIN, policy)).toEqual({ state: 'ok', text: 'Op tijd · 10 min gewacht · nog 50 min' });
    expect(timerView(base, T0 + 50 * MIN, policy)).toEqual({ state: 'soon', text: 'Bijna te laat · 50 min gewacht · nog 10 min' });
    expect(timerView(base, T0 + 125 * MIN, policy)!.text).toBe('Te laat · 2 u 5 min gewacht · 1 u 5 min te laat');
  });

  it('marks an estimated posted time', () => {
    expect(timerView({ ...base, postedAtSource: 'first-seen' }, T0 + 10 * MIN, policy)!.text).toBe('Op tijd · 10 min gewacht (geschat: eerst gezien) · nog 50 min');
  });

  it('shows how fast it was answered, and the resolution target while the case is open', () => {
    const answered = { ...base, firstResponseAt: T0 + 20 * MIN };
    expect(timerView(answered, T0 + 60 * MIN, policy)).toEqual({ state: 'answered', text: 'Beantwoord na 20 min · afhandelen: nog 7 u 0 min' });
    expect(timerView(answered, T0 + 9 * 60 * MIN, policy)!.text).toBe('Beantwoord na 20 min · afhandeling 1 u 0 min te laat');
    expect(timerView({ ...answered, status: 'closed' }, T0 + 9 * 60 * MIN, policy)!.text).toBe('Beantwoord na 20 min');
    expect(timerView(answered, T0 + 60 * MIN, { ...policy, sla: DEFAULT_SETTINGS.sla })!.text).toBe('Beantwoord na 20 min');
  });
});
