/**
 * Styles of the in-page toolbar. They live inside its shadow root, so neither the site nor we leak styles.
 * Two sheets: what a quiet post shows (the mark and a case's chip) for every host, and the open toolbar's
 * rules, added to a host's shadow root only when it opens. Every rule in a shadow root's sheets is looked at
 * when its elements are styled: on the benchmark feed (1 800 hosts) the quiet sheet alone took about 180 ms
 * less style time than the whole (scripts/bench/compare.ts with floor-facebook.ts, 3 interleaved runs).
 */
import { THEME_VARS } from './theme';

export const QUIET_CSS = `
/* contain: the toolbar's layout and paint stay inside its box. A feed with thousands of posts and comments
   has as many toolbars; contained, the browser's paint-property pass skips them (timeline traces of the
   benchmark feed: about two thirds less PrePaint time added). Nothing of ours overflows: panels are in flow. */
:host { all: initial; display: block; contain: content; }
.post, .lk { ${THEME_VARS.light} }
.post[data-theme="dim"], .lk[data-theme="dim"] { ${THEME_VARS.dim} }
.post[data-theme="dark"], .lk[data-theme="dark"] { ${THEME_VARS.dark} }
/* The post's Loket: the mark alone (in the site's action bar, no line of its own), the mark and a case's chip,
   or the mark and the full toolbar (a popover under the mark; on a line below where there are no popovers). */
.post { display: flex; align-items: center; gap: 6px; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.post.line { margin: 6px 0 2px; align-items: flex-start; }
.post .lk { flex: 1; min-width: 0; margin: 0; }
/* Open, the toolbar sits in a popover under the mark (top layer, placed by post-host.ts): out of the page's flow. */
.open[popover] {
  position: absolute; inset: auto; margin: 0; padding: 0; border: 0; overflow: visible;
  background: transparent; color: inherit; font: inherit;
}
.open[popover] .lk { box-shadow: 0 4px 16px rgb(0 0 0 / .18); }
.mark {
  box-sizing: border-box; flex: none; width: 24px; height: 24px; min-height: 24px; padding: 0; margin: 0;
  display: inline-flex; align-items: center; justify-content: center;
  border: 1px solid var(--lk-border); border-radius: 6px; background: var(--lk-bg); color: var(--lk-accent);
  font: 700 12px/1 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; cursor: pointer;
}
.mark:focus-visible { outline: 2px solid var(--lk-accent); outline-offset: 2px; }
.mark[aria-expanded="true"] { background: var(--lk-accent); color: var(--lk-accent-fg); border-color: var(--lk-accent); }
.case-chip {
  display: inline-flex; align-items: center; gap: 6px; max-width: 100%; min-width: 0;
  padding: 1px 10px 1px 8px; border-radius: 999px; border: 1px solid var(--lk-border); border-left-width: 4px;
  background: var(--lk-chip); color: var(--lk-fg); overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
}
.case-chip[data-sla="ok"] { border-left-color: #1a7f37; }
.case-chip[data-sla="soon"] { border-left-color: var(--lk-warn); color: var(--lk-warn); font-weight: 600; }
.case-chip[data-sla="overdue"] { border-left-color: var(--lk-error); color: var(--lk-error); font-weight: 600; }
.case-chip[data-sla="answered"] { border-left-color: var(--lk-muted); }
`;

/** The open toolbar: added after QUIET_CSS, so the cascade is as if one sheet. */
export const PANEL_CSS = `.lk {
  box-sizing: border-box; display: block; flex: 1;
  margin: 6px 0 2px; padding: 4px 8px; border: 1px solid var(--lk-border); border-radius: 8px;
  background: var(--lk-bg); color: var(--lk-fg);
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
.brand { font-weight: 700; color: var(--lk-accent); }
.state { color: var(--lk-muted); }
button, select {
  font: inherit; color: var(--lk-fg); background: var(--lk-bg); border: 1px solid var(--lk-border);
  border-radius: 999px; padding: 2px 10px; min-height: 24px; cursor: pointer;
}
button.primary { background: var(--lk-accent); color: var(--lk-accent-fg); border-color: var(--lk-accent); }
button:focus-visible, select:focus-visible { outline: 2px solid var(--lk-accent); outline-offset: 2px; }
button[disabled] { cursor: progress; opacity: .75; }
label { display: inline-flex; align-items: center; gap: 4px; }
.chips { display: flex; gap: 4px; flex-wrap: wrap; list-style: none; margin: 0; padding: 0; }
.chip { background: var(--lk-chip); border-radius: 999px; padding: 0 8px; }
.row { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; }
.notice { margin: 4px 0 0; }
.account-warning { padding: 4px 8px; border: 1px solid var(--lk-warn); border-left-width: 4px; border-radius: 6px; color: var(--lk-fg); }
.error { color: var(--lk-error); }
.timer { color: var(--lk-muted); font-variant-numeric: tabular-nums; }
.timer-soon { color: var(--lk-warn); font-weight: 600; }
.timer-overdue { color: var(--lk-error); font-weight: 600; }
.picker { margin-top: 6px; border-top: 1px solid var(--lk-border); padding-top: 6px; }
.search { display: flex; gap: 6px; align-items: center; }
.search input { font: inherit; color: var(--lk-fg); background: var(--lk-bg); border: 1px solid var(--lk-border); border-radius: 6px; padding: 2px 6px; flex: 1; min-width: 0; }
.search input:focus-visible { outline: 2px solid var(--lk-accent); outline-offset: 1px; }
.options { list-style: none; margin: 6px 0; padding: 0; max-height: 180px; overflow: auto; }
.option { padding: 3px 6px; border-radius: 4px; cursor: pointer; }
.option.active { background: var(--lk-chip); outline: 1px solid var(--lk-accent); }
.category { color: var(--lk-muted); font-size: 12px; }
.chooser { margin-top: 6px; border-top: 1px solid var(--lk-border); padding-top: 6px; }
.chooser [role="menu"]:focus-visible { outline: 2px solid var(--lk-accent); outline-offset: 1px; }
.chooser-item { padding: 3px 6px; border-radius: 4px; cursor: pointer; }
.chooser-item.active { background: var(--lk-chip); outline: 1px solid var(--lk-accent); }
.check { display: inline-block; width: 1.2em; font-weight: 700; }
.handover .heading, .history .heading { font-weight: 700; margin: 0 0 4px; }
.history .events { margin: 0 0 6px; padding-left: 18px; max-height: 160px; overflow: auto; }
.history .when { color: var(--lk-muted); font-size: 12px; }
.history .who { font-weight: 600; }
.handover .field, .history .field { display: grid; gap: 2px; margin: 4px 0; }
.handover textarea, .history textarea { font: inherit; color: var(--lk-fg); background: var(--lk-bg); border: 1px solid var(--lk-border); border-radius: 6px; padding: 4px 6px; resize: vertical; }
.handover select { border-radius: 6px; max-width: 100%; }
.handover textarea:focus-visible, .history textarea:focus-visible { outline: 2px solid var(--lk-accent); outline-offset: 1px; }
.handover .help, .history .help { color: var(--lk-muted); font-size: 12px; display: block; margin-bottom: 6px; }
.preview { background: var(--lk-chip); border-radius: 6px; padding: 6px 8px; }
.preview-label { font-size: 12px; color: var(--lk-muted); }
.preview p { margin: 2px 0 6px; white-space: pre-wrap; overflow-wrap: anywhere; }
.warning { color: var(--lk-error); font-weight: 600; }
.readability .advice { font-weight: 600; }
.readability details { margin: 0 0 6px; }
.readability summary { cursor: pointer; }
.readability ul { margin: 2px 0; padding-left: 18px; }
`;
