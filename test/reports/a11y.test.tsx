/**
 * The page's structure against axe-core's WCAG 2.1 A/AA and best-practice rules, in happy-dom. Rules that
 * need a real layout (colour contrast, target size) cannot be judged here; the end-to-end run covers them.
 */
import axe from 'axe-core';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { TEST_IDS } from '../../src/reports/reports-app';
import { byTestId, fakeBackground, mountReports, NOW, unmount, until } from './support';

let root: HTMLElement;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  unmount(root);
  vi.useRealTimers();
});

async function violations() {
  // Open every data table, so its rules are checked too.
  for (const details of root.querySelectorAll('details')) details.open = true;
  const result = await axe.run(root, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
  });
  return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.html.slice(0, 120)) }));
}

describe('the reports page for assistive technology', () => {
  it('has no axe violations with a full report', async () => {
    fakeBackground();
    root = mountReports();
    await until(() => byTestId(root, TEST_IDS.headline));
    expect(await violations()).toEqual([]);
  });

  it('has no axe violations for an empty period', async () => {
    fakeBackground({ cases: [] });
    root = mountReports();
    await until(() => byTestId(root, TEST_IDS.empty));
    expect(await violations()).toEqual([]);
  });
});
