/**
 * What a post shows of Loket until the agent wants more: one small button, Loket's mark, and — for a case —
 * a compact chip with its status, tags and timer, coloured by SLA state. Plain DOM cloned from a prepared
 * template, not Preact: a heavy timeline mounts dozens of these a second and nearly all of them stay quiet.
 * The full toolbar (ui/toolbar.tsx) is drawn beside the mark only when the agent opens it.
 */
import type { SlaState } from '../domain/sla-state';
import { t } from './i18n';
import type { Theme } from './theme';

export interface Chip {
  text: string;
  sla: SlaState;
}

let template: HTMLElement | undefined;

function build(): HTMLElement {
  const root = document.createElement('div');
  root.className = 'post';
  const mark = document.createElement('button');
  mark.type = 'button';
  mark.className = 'mark';
  mark.setAttribute('data-lk', 'mark');
  mark.setAttribute('aria-expanded', 'false');
  mark.setAttribute('aria-label', t('markLabel'));
  mark.textContent = 'L';
  root.append(mark);
  return root;
}

/** A fresh quiet post element: `.post` holding the mark. */
export function quietPost(theme: Theme): HTMLElement {
  const root = (template ??= build()).cloneNode(true) as HTMLElement;
  root.setAttribute('data-theme', theme);
  return root;
}

export function markOf(root: HTMLElement): HTMLButtonElement {
  return root.firstElementChild as HTMLButtonElement;
}

export function setTheme(root: HTMLElement, theme: Theme): void {
  if (root.getAttribute('data-theme') !== theme) root.setAttribute('data-theme', theme);
}

/** Shows, updates or removes a case's chip after the mark, touching only what changed. */
export function setChip(root: HTMLElement, chip: Chip | null): void {
  const mark = markOf(root);
  let el = mark.nextElementSibling as HTMLElement | null;
  if (el && !el.classList.contains('case-chip')) el = null;
  if (!chip) {
    el?.remove();
    return;
  }
  if (!el) {
    el = document.createElement('span');
    el.className = 'case-chip';
    el.setAttribute('data-lk', 'chip');
    mark.after(el);
  }
  if (el.getAttribute('data-sla') !== chip.sla) el.setAttribute('data-sla', chip.sla);
  if (el.textContent !== chip.text) el.textContent = chip.text;
}
