/** Styles of the B1 indicator beside the reply box, inside its own shadow root (nothing leaks either way). */
import { THEME_VARS } from './theme';

export const INDICATOR_CSS = `
:host { all: initial; display: inline-flex; vertical-align: middle; align-self: center; margin: 0 8px; contain: style; }
:host([hidden]) { display: none; }
.ind { ${THEME_VARS.light} }
.ind[data-theme="dim"] { ${THEME_VARS.dim} }
.ind[data-theme="dark"] { ${THEME_VARS.dark} }
.ind {
  display: inline-flex; align-items: center; gap: 2px; max-width: 100%;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--lk-fg);
}
button {
  box-sizing: border-box; font: inherit; color: var(--lk-fg); background: var(--lk-bg);
  border: 1px solid var(--lk-border); border-radius: 999px; min-height: 24px; cursor: pointer; margin: 0;
}
button:focus-visible { outline: 2px solid var(--lk-accent); outline-offset: 2px; }
.ind-verdict {
  display: inline-flex; align-items: center; gap: 6px; padding: 1px 10px 1px 8px; max-width: 240px; white-space: nowrap;
}
/* A narrow composer row shortens the label (its whole sentence is the button's description). */
.ind-label { min-width: 0; overflow: hidden; text-overflow: ellipsis; }
.ind-dot { flex: none; width: 8px; height: 8px; border-radius: 50%; background: #1a7f37; }
.ind[data-b1="advice"] .ind-verdict { border-color: var(--lk-warn); color: var(--lk-warn); font-weight: 600; }
.ind[data-b1="advice"] .ind-dot { background: var(--lk-warn); }
.ind-dismiss { width: 24px; padding: 0; color: var(--lk-muted); }
.ind-sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.ind-panel {
  position: absolute; box-sizing: border-box; margin: 0; inset: auto; max-height: 60vh; overflow: auto;
  padding: 6px 10px; border: 1px solid var(--lk-border); border-radius: 8px; background: var(--lk-bg); color: var(--lk-fg);
  box-shadow: 0 4px 16px rgb(0 0 0 / .18); z-index: 2147483647; white-space: normal; font-weight: 400;
}
.muted { color: var(--lk-muted); }
.readability p { margin: 2px 0; }
.readability .advice { font-weight: 600; }
.readability details { margin: 0 0 4px; }
.readability summary { cursor: pointer; }
.readability ul { margin: 2px 0; padding-left: 18px; }
.preview-label { font-weight: 600; }
`;
