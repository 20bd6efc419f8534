/** Colours for the in-page UI, matched to the site's own theme. Contrast of every pair is WCAG AA (4.5:1+). */
import type { Theme } from '../domain/page-theme';

export type { Theme };

export const THEME_VARS: Record<Theme, string> = {
  light: '--lk-bg:#ffffff;--lk-fg:#0f1419;--lk-muted:#4f5b66;--lk-border:#cfd9de;--lk-accent:#0b5cad;--lk-accent-fg:#ffffff;--lk-chip:#eef3f7;--lk-error:#a4141c;--lk-warn:#8a4b00;',
  dim: '--lk-bg:#15202b;--lk-fg:#f7f9f9;--lk-muted:#b3bfc9;--lk-border:#425364;--lk-accent:#8cc8ff;--lk-accent-fg:#0b1a29;--lk-chip:#22303c;--lk-error:#ffb3b8;--lk-warn:#ffd28a;',
  dark: '--lk-bg:#000000;--lk-fg:#e7e9ea;--lk-muted:#a9b0b6;--lk-border:#3b4045;--lk-accent:#8cc8ff;--lk-accent-fg:#0b1a29;--lk-chip:#16181c;--lk-error:#ffb3b8;--lk-warn:#ffd28a;',
};
