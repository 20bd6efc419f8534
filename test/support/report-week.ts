/** One hand-checked winter week of cases in Amsterdam, shared by the report figures and report CSV tests. */
import type { Case } from '../../src/domain/case';
import { DEFAULT_TAGS } from '../../src/domain/default-tags';
import type { OfficeMs, ReportOptions } from '../../src/domain/report';
import { at, mk } from './report-cases';

export const SERVICE = new Set(DEFAULT_TAGS.filter((t) => t.group === 'Dienstverlening').map((t) => t.id));
export const wallClock: OfficeMs = (a, b) => b - a;

// One winter week in Amsterdam (UTC+1): Monday 5 January 2026 00:00 local to Monday 12 January 00:00 local.
export const WEEK = { from: at('2026-01-04T23:00:00Z'), to: at('2026-01-11T23:00:00Z') };
export const NOW = at('2026-01-12T12:00:00Z');
export const options = (over: Partial<ReportOptions> = {}): ReportOptions => ({
  period: WEEK,
  officeMs: wallClock,
  timeZone: 'Europe/Amsterdam',
  serviceTagIds: SERVICE,
  now: NOW,
  ...over,
});

// Local time = UTC + 1. Response and due in minutes after posting.
export const CASES: Case[] = [
  //  #  site  posted (local)   resp  due  tags                    agent  status / note
  mk({ id: 'x:1', posted: '2026-01-05T08:00:00Z', responseMin: 10, dueMin: 60, tags: ['afval', 'klacht'], assignee: 'anna' }), // Mon 09h, within
  mk({ id: 'x:2', posted: '2026-01-05T09:00:00Z', responseMin: 30, dueMin: 60, tags: ['afval'], assignee: 'anna' }), // Mon 10h, within
  mk({ id: 'fb:3', site: 'facebook', posted: '2026-01-05T10:00:00Z', responseMin: 90, dueMin: 60, tags: ['parkeren'], assignee: 'bert' }), // Mon 11h, late
  mk({ id: 'x:4', posted: '2026-01-06T12:00:00Z', responseMin: 20, tags: ['vraag'], assignee: 'anna', status: 'waiting' }), // Tue 13h, no due
  mk({ id: 'fb:5', site: 'facebook', posted: '2026-01-06T13:00:00Z', dueMin: 60, tags: ['wmo-zorg'], status: 'handed_over' }), // Tue 14h, unanswered, overdue
  mk({ id: 'x:6', posted: '2026-01-07T07:00:00Z', responseMin: 45, dueMin: 60, assignee: 'bert', estimated: true }), // Wed 08h, within, untagged
  mk({ id: 'fb:7', site: 'facebook', posted: '2026-01-07T15:00:00Z', responseMin: 240, dueMin: 60, tags: ['burgerzaken', 'klacht'], assignee: 'anna' }), // Wed 16h, late
  mk({ id: 'x:8', posted: '2026-01-09T10:00:00Z', responseMin: 5, dueMin: 60, tags: ['afval'], assignee: 'bert' }), // Fri 11h, within
  mk({ id: 'x:9', posted: '2026-01-09T11:00:00Z', status: 'new', estimated: true }), // Fri 12h, unanswered, no due, untagged
  mk({ id: 'fb:10', site: 'facebook', posted: '2026-01-11T22:30:00Z', dueAt: '2026-01-12T09:00:00Z', tags: ['afval'], assignee: 'anna', status: 'handed_over' }), // Sun 23:30, overdue at NOW
  // Outside the week: Sunday 4 January 23:59 local, and Monday 12 January 00:00 local (the end is exclusive).
  mk({ id: 'x:11', posted: '2026-01-04T22:59:00Z', responseMin: 1, tags: ['afval'] }),
  mk({ id: 'x:12', posted: '2026-01-11T23:00:00Z', responseMin: 1, tags: ['afval'] }),
];

