/**
 * The wrong-account guard (issue #20): when the agent opens a reply box, inserts a template or is about to
 * send while the page shows them acting as an account that is not one of the municipality's own (Settings
 * .ownAccounts), Loket says so — once per page, until dismissed, never blocking. Off when the setting
 * `accountGuard` is (the organisation can lock it), and when no own accounts are set (nothing to compare).
 *
 * Cheap by design: nothing per post; one focus, click and key listener on the document, and the site's
 * account read only at those moments.
 */
import type { Settings } from '../protocol/messages';
import { siteMeta } from '../sites/registry';
import type { ActingAccount, SiteAdapter } from '../sites/site-adapter';
import { t } from '../ui/i18n';
import { isOwnAccount } from './own-account';

/** The account to name in the warning, or null when the page shows none or an own one. */
export function wrongAccount(acting: ActingAccount | null, settings: Pick<Settings, 'ownAccounts' | 'accountGuard'>): string | null {
  if (!settings.accountGuard || !acting || settings.ownAccounts.trim() === '') return null;
  const author = { name: acting.name ?? '', ...(acting.handle ? { handle: acting.handle } : {}) };
  if (isOwnAccount({ author }, settings.ownAccounts)) return null;
  return acting.handle ?? acting.name ?? null;
}

/** The municipality's account as the warning names it: the first own account in this site's form. */
export function ownAccountFor(adapter: Pick<SiteAdapter, 'site'>, ownAccounts: string): string {
  const names = ownAccounts.split(',').map((s) => s.trim()).filter(Boolean);
  const handles = siteMeta(adapter.site).ownAccount === 'handle';
  return names.find((n) => n.startsWith('@') === handles) ?? names[0] ?? '';
}

export class AccountGuard {
  private text: string | null = null;
  private dismissed = false;

  constructor(
    private readonly adapter: SiteAdapter,
    private readonly settings: () => Settings,
    /** The warning appeared for a reply in this editor (null: for a template inserted elsewhere). */
    private readonly onWarn: (editor: HTMLElement | null) => void,
    private readonly doc: Document = document,
  ) {}

  /** The warning's text while it shows. */
  get warning(): string | undefined {
    return this.text !== null && this.settings().accountGuard ? this.text : undefined;
  }

  dismiss(): void {
    this.dismissed = true;
    this.text = null;
  }

  /** Checks the account the page shows for a reply in `editor`; true when the warning shows (now or still). */
  check(editor: HTMLElement | null): boolean {
    if (this.dismissed) return false;
    if (this.text !== null) return this.warning !== undefined;
    const settings = this.settings();
    const acting = wrongAccount(this.adapter.actingAccount?.(this.doc, editor) ?? null, settings);
    if (acting === null) return false;
    this.text = t('accountWarning', acting, ownAccountFor(this.adapter, settings.ownAccounts));
    this.onWarn(editor);
    return true;
  }

  /**
   * A reply box that had the focus before Loket started (on a slow page the agent can be quicker) counts as
   * opened now. Called once the page's posts have their toolbars, so a warning has a post to show on.
   */
  checkFocused(): void {
    const editor = this.editorAt(this.doc.activeElement);
    if (editor) this.check(editor);
  }

  /** The site's reply box an event target or element is in, if any. */
  private editorAt(target: EventTarget | null): HTMLElement | null {
    const el = (target as Element | null)?.closest?.(this.adapter.composer.editorSelector);
    return el instanceof HTMLElement ? el : null;
  }

  /** Opening (focusing) a reply box and sending from one are the moments to check. */
  listen(signal: AbortSignal): void {
    const composer = this.adapter.composer;
    const opts = { capture: true, signal };
    this.doc.addEventListener(
      'focusin',
      (e) => {
        if (this.dismissed || this.text !== null) return;
        const editor = this.editorAt(e.target);
        if (editor) this.check(editor);
      },
      opts,
    );
    this.doc.addEventListener(
      'click',
      (e) => {
        if (this.dismissed) return;
        const button = (e.target as Element | null)?.closest?.(composer.submitSelector);
        if (button) this.check(composer.editorOf(button));
      },
      opts,
    );
    this.doc.addEventListener(
      'keydown',
      (e) => {
        if (this.dismissed || e.key !== 'Enter' || e.shiftKey || (!composer.sendsOnEnter && !(e.ctrlKey || e.metaKey))) return;
        const editor = this.editorAt(e.target);
        if (editor) this.check(editor);
      },
      opts,
    );
  }
}
