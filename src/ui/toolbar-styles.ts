/** Styles of the in-page toolbar. They live inside its shadow root, so neither the site nor we leak styles. */
import { THEME_VARS } from './theme';

export const TOOLBAR_CSS = `
:host { all: initial; display: block; }
.lk { ${THEME_VARS.light} }
.lk[data-theme="dim"] { ${THEME_VARS.dim} }
.lk[data-theme="dark"] { ${THEME_VARS.dark} }
.lk {
  box-sizing: border-box; display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px;
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
.error { color: var(--lk-error); flex-basis: 100%; }
`;
