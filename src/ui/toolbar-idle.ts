/**
 * The toolbar as most posts show it — not a case yet, nothing open — drawn by cloning a prepared template
 * instead of through Preact: a heavy timeline mounts dozens of these a second, and this is the state nearly
 * all of them stay in. The markup is the same as the Toolbar component's for that state (a unit test holds
 * them together); the first interaction hands the toolbar over to Preact.
 */
import { t } from './i18n';
import type { Theme } from './theme';

export interface IdleToolbar {
  theme: Theme;
  /** Accessible name of the group: "Loket voor bericht van …". */
  label: string;
  /** False while the case state has not been read yet. */
  loaded: boolean;
  /** The municipality's own post: no case, no templates. */
  own: boolean;
}

let untrackedTemplate: HTMLElement | undefined;
let ownTemplate: HTMLElement | undefined;

function build(own: boolean): HTMLElement {
  const root = document.createElement('div');
  root.className = 'lk';
  root.setAttribute('role', 'group');
  const row = document.createElement('div');
  row.className = 'row';
  const brand = document.createElement('span');
  brand.className = 'brand';
  brand.setAttribute('aria-hidden', 'true');
  brand.textContent = t('toolbarBrand');
  row.append(brand);
  const state = document.createElement('span');
  state.className = 'state';
  if (own) {
    state.textContent = t('ownPost');
    row.append(state);
  } else {
    state.setAttribute('data-lk', 'state');
    const track = document.createElement('button');
    track.type = 'button';
    track.className = 'primary';
    track.setAttribute('data-lk', 'track');
    track.textContent = t('trackButton');
    const panelButton = (lk: string, text: string, listbox: boolean) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('data-lk', lk);
      button.setAttribute('aria-expanded', 'false');
      if (listbox) button.setAttribute('aria-haspopup', 'listbox');
      button.textContent = text;
      return button;
    };
    row.append(
      state,
      track,
      panelButton('tags', t('tagsButton'), true),
      panelButton('handover-open', t('handoverButton'), false),
      panelButton('templates', t('templatesButton'), true),
    );
  }
  root.append(row);
  return root;
}

/** A fresh idle toolbar element for this post. */
export function idleToolbar(spec: IdleToolbar): HTMLElement {
  const template = spec.own ? (ownTemplate ??= build(true)) : (untrackedTemplate ??= build(false));
  const root = template.cloneNode(true) as HTMLElement;
  root.setAttribute('data-theme', spec.theme);
  root.setAttribute('aria-label', spec.label);
  if (!spec.own) {
    root.querySelector('[data-lk="state"]')!.textContent = spec.loaded ? t('statusUntracked') : t('popupLoading');
    if (!spec.loaded) (root.querySelector('[data-lk="track"]') as HTMLButtonElement).disabled = true;
  }
  return root;
}

/**
 * Brings an idle toolbar drawn by idleToolbar() up to date in place — a new theme, the agent's settings, or
 * "loading" becoming "not tracked" — touching only what changed, so the page restyles a text node or an
 * attribute rather than a new toolbar. False when the spec needs the other shape (own post or not): draw anew.
 */
export function updateIdleToolbar(root: HTMLElement, spec: IdleToolbar): boolean {
  // By position, not by selector (this runs for every post as the case lookups answer): the row's children
  // are brand, state and, for a post that is not the municipality's own, the track button (see build()).
  const row = root.firstElementChild!;
  const track = row.children[2] as HTMLButtonElement | undefined;
  if ((track === undefined) !== spec.own) return false;
  if (root.getAttribute('data-theme') !== spec.theme) root.setAttribute('data-theme', spec.theme);
  if (root.getAttribute('aria-label') !== spec.label) root.setAttribute('aria-label', spec.label);
  if (track) {
    const state = row.children[1]!;
    const text = spec.loaded ? t('statusUntracked') : t('popupLoading');
    if (state.textContent !== text) state.textContent = text;
    if (track.disabled === spec.loaded) track.disabled = !spec.loaded;
  }
  return true;
}
