/** Shared by the reports tests: a faked background, hand-made cases, and a way to wait for the page to settle. */
import { render } from 'preact';
import { vi } from 'vitest';
import type { Case } from '../../src/domain/case';
import { DEFAULT_TAGS } from '../../src/domain/default-tags';
import type { Tag } from '../../src/domain/tag';
import { DEFAULT_SETTINGS } from '../../src/protocol/messages';
import { ReportsApp } from '../../src/reports/reports-app';
import { setResponder } from '../support/fake-browser';
import { at, mk } from '../support/report-cases';

export { at, mk, type Spec } from '../support/report-cases';

/**
 * One winter week in Amsterdam (local = UTC + 1), office hours Monday–Friday 08:30–17:00 (the default).
 * Office response times: 10, 90, 15 (posted 08:00, counted from 08:30), 5 → median 12.5 min, p90 90 min.
 */
export const WEEK_CASES: Case[] = [
  mk({ id: 'x:1', posted: '2026-01-05T08:00:00Z', responseMin: 10, dueMin: 60, tags: ['afval', 'klacht'], assignee: 'anna' }), // Mon 09:00, in time
  mk({ id: 'fb:2', site: 'facebook', posted: '2026-01-05T10:00:00Z', responseMin: 90, dueMin: 60, tags: ['parkeren'], assignee: 'bert' }), // Mon 11:00, late
  mk({ id: 'x:3', posted: '2026-01-06T12:00:00Z', dueMin: 60, tags: ['wmo-zorg'], status: 'handed_over' }), // Tue 13:00, unanswered, overdue
  mk({ id: 'x:4', posted: '2026-01-07T07:00:00Z', responseMin: 45, dueMin: 120, assignee: 'bert', estimated: true }), // Wed 08:00, first seen
  mk({ id: 'x:5', posted: '2026-01-09T10:00:00Z', responseMin: 5, dueMin: 60, tags: ['afval'], assignee: 'anna' }), // Fri 11:00
];

/** Sunday 11 January 2026, 21:00 in Amsterdam: "last 7 days" is Monday 5 up to Sunday 11 January. */
export const NOW = at('2026-01-11T20:00:00Z');

export interface Background {
  cases: Case[];
  tags: Tag[];
  settings: Record<string, unknown>;
  /** Make every request fail with this message. */
  failWith?: string;
}

/** Answers the page's requests the way the background does. */
export function fakeBackground(over: Partial<Background> = {}): Background {
  const bg: Background = { cases: WEEK_CASES, tags: DEFAULT_TAGS, settings: { ...DEFAULT_SETTINGS }, ...over };
  setResponder((message) => {
    const { name, payload } = message as { name: string; payload: { from: number; to: number } };
    if (bg.failWith) return { ok: false, error: { code: 'internal', message: bg.failWith } };
    switch (name) {
      case 'cases/range':
        return { ok: true, value: bg.cases.filter((c) => c.postedAt >= payload.from && c.postedAt < payload.to) };
      case 'tags/list':
        return { ok: true, value: bg.tags };
      case 'settings/get':
        return { ok: true, value: bg.settings };
      case 'intake/seen-count':
        return { ok: true, value: { count: 0 } };
      default:
        return { ok: false, error: { code: 'unknown-message', message: name } };
    }
  });
  return bg;
}

export function mountReports(): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(<ReportsApp />, root);
  return root;
}

export function unmount(root: HTMLElement): void {
  render(null, root);
  root.remove();
}

/** Waits (real timers) until the check passes. */
export async function until(check: () => unknown, timeoutMs = 3_000): Promise<void> {
  const start = performance.now();
  for (;;) {
    try {
      if (check()) return;
    } catch {
      // not yet
    }
    if (performance.now() - start > timeoutMs) throw new Error(`Timed out waiting for: ${check.toString()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** What a sighted reader sees in an element: screen-reader-only text left out. */
export function shownText(el: Element): string {
  const clone = el.cloneNode(true) as Element;
  for (const hidden of clone.querySelectorAll('.visually-hidden')) hidden.remove();
  return (clone.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export const byTestId = (root: ParentNode, id: string) => root.querySelector(`[data-testid="${id}"]`);

export function change(el: HTMLInputElement | HTMLSelectElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
}
