/**
 * The B1 indicator beside the site's reply box (issue #20): a small button that says whether the reply being
 * written meets language level B1 ("B1 ✓", or "Taal: moeilijk (Flesch-Douma 42)" / "Taal: 2 tips") and opens
 * the tips (the same report as the template picker's preview) in a popover over the page; a second button
 * hides it for this reply box. Advice only: nothing here touches the editor or the site's Send button.
 *
 * Screen readers hear the verdict through a polite live region that changes only when the verdict does (B1
 * or not), not on every keystroke; the buttons are in the tab order after the editor and take focus only when
 * the agent moves there. Escape closes the tips and puts focus back on the button.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Readability } from '../domain/readability';
import { formatScore, levelText, ReadabilityReport } from './readability-advice';
import { t } from './i18n';
import type { Theme } from './theme';

export interface ReplyIndicatorProps {
  /** The text that was checked, and the check's result. */
  text: string;
  result: Readability;
  theme: Theme;
  onDismiss(): void;
  idPrefix: string;
}

type Verdict = 'pass' | 'advice';

export const verdictOf = (r: Readability): Verdict => (r.passesB1 ? 'pass' : 'advice');

/** The indicator's short label: "B1 ✓", the level and score when it is below B1's, else the number of tips. */
export function indicatorLabel(r: Readability): string {
  if (r.passesB1 || r.score === null || r.level === null) return t('readabilityIndicatorPass');
  const tips = r.findings.filter((f) => f.kind !== 'long-word').length || r.findings.length;
  if (r.score < 60 || tips === 0) return t('readabilityIndicatorHard', levelText(r.level), formatScore(r.score));
  return tips === 1 ? t('readabilityIndicatorTip') : t('readabilityIndicatorTips', String(tips));
}

/** The sentence the live region says (and the button's description): the template preview's verdict. */
function verdictSentence(r: Readability): string {
  if (r.score === null || r.level === null) return '';
  return t(r.passesB1 ? 'readabilityPasses' : 'readabilityAdvice', formatScore(r.score), levelText(r.level));
}

export function ReplyIndicator({ text, result, theme, onDismiss, idPrefix }: ReplyIndicatorProps) {
  const [open, setOpen] = useState(false);
  const [live, setLive] = useState('');
  const lastVerdict = useRef<Verdict | null>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const verdict = verdictOf(result);
  useEffect(() => {
    // Only a change of verdict is said (the first one too): a new score while typing is not news.
    if (lastVerdict.current === verdict) return;
    lastVerdict.current = verdict;
    setLive(verdictSentence(result));
  }, [verdict, result]);

  const close = (refocus: boolean): void => {
    setOpen(false);
    if (refocus) toggle.current?.focus();
  };
  const onKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || !open) return;
    e.preventDefault();
    close(true);
  };
  const panelId = `${idPrefix}-tips`;
  const descId = `${idPrefix}-verdict`;
  return (
    <div class="ind" data-theme={theme} role="group" aria-label={t('readabilityIndicatorRegion')} data-lk="indicator" data-b1={verdict} onKeyDown={onKey}>
      <button
        type="button"
        ref={toggle}
        class="ind-verdict"
        data-lk="indicator-toggle"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls={panelId}
        aria-describedby={descId}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true" class="ind-dot" />
        <span class="ind-label">{indicatorLabel(result)}</span>
      </button>
      <button type="button" class="ind-dismiss" data-lk="indicator-dismiss" aria-label={t('readabilityIndicatorDismiss')} title={t('readabilityIndicatorDismiss')} onClick={onDismiss}>
        <span aria-hidden="true">×</span>
      </button>
      <span id={descId} class="ind-sr">
        {verdictSentence(result)}
      </span>
      <span class="ind-sr" aria-live="polite" data-lk="indicator-live">
        {live}
      </span>
      {open && (
        <Panel id={panelId} anchor={toggle} onOutside={() => close(false)}>
          <ReadabilityReport text={text} result={result} idPrefix={idPrefix} tipsOpen />
          {result.findings.length === 0 && <p class="muted">{t('readabilityIndicatorNoTips')}</p>}
        </Panel>
      )}
    </div>
  );
}

/** Width of the tips panel at most (px), and its distance from the viewport's edges. */
const PANEL_WIDTH = 380;
const EDGE = 8;

/**
 * The tips, over the page (a popover, in the browser's top layer) so opening them moves nothing of the site's
 * layout; below the button, or above it when the viewport has no room below. Where there are no popovers,
 * an absolutely placed box does the same.
 */
function Panel({ id, anchor, onOutside, children }: { id: string; anchor: { current: HTMLElement | null }; onOutside(): void; children: preact.ComponentChildren }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    const at = anchor.current;
    if (!el || !at) return;
    if (typeof el.showPopover === 'function') {
      el.popover = 'manual';
      el.showPopover();
    }
    const place = (): void => {
      const r = at.getBoundingClientRect();
      const width = document.documentElement.clientWidth;
      const w = Math.min(PANEL_WIDTH, width - 2 * EDGE);
      const left = Math.max(EDGE, Math.min(r.left, width - w - EDGE));
      const h = el.offsetHeight;
      const below = r.bottom + 4 + h <= window.innerHeight || r.top - 4 - h < 0;
      el.style.width = `${w}px`;
      el.style.left = `${Math.round(left + window.scrollX)}px`;
      el.style.top = `${Math.round((below ? r.bottom + 4 : r.top - 4 - h) + window.scrollY)}px`;
    };
    place();
    const lifetime = new AbortController();
    let queued = false;
    const follow = (): void => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        if (at.isConnected) place();
      });
    };
    window.addEventListener('scroll', follow, { capture: true, passive: true, signal: lifetime.signal });
    window.addEventListener('resize', follow, { passive: true, signal: lifetime.signal });
    // A press elsewhere on the page closes the tips. Seen from the document, a press inside our closed shadow
    // root comes from its host.
    const root = el.getRootNode();
    const inside: EventTarget = root instanceof ShadowRoot ? root.host : el;
    document.addEventListener('pointerdown', (e) => e.composedPath().includes(inside) || onOutside(), { capture: true, signal: lifetime.signal });
    return () => lifetime.abort();
  }, []);
  return (
    <div id={id} ref={ref} class="ind-panel" data-lk="indicator-panel">
      {children}
    </div>
  );
}
