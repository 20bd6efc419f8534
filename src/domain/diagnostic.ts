/**
 * A site-health finding from a content script: the page clearly holds posts but Loket recognised none, so the
 * site has probably changed its layout. Shown in the popup so a break is noticed the same day.
 */
import type { Site } from './site';

export interface Diagnostic {
  seq?: number;
  site: Site;
  kind: 'layout-not-recognised';
  /** Which kind of page (home, status, search, …), not its URL: no personal data in diagnostics. */
  pageKind: string;
  at: number;
  /** Counts that show the problem, e.g. "12 rows, 0 posts recognised". */
  detail: string;
}

/** One finding per site and page kind per hour is enough to notice; more would only repeat it. */
export const DIAGNOSTIC_REPEAT_MS = 60 * 60_000;
/** Findings older than this are no longer shown. */
export const DIAGNOSTIC_SHOWN_MS = 7 * 24 * 60 * 60_000;
