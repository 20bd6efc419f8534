/**
 * The one interface between Loket and a site's DOM. Everything a site does differently — which elements are
 * posts, how to read one, where our toolbar goes, which theme the page shows — lives behind it, in
 * src/sites/<site>/. The content script knows only this interface.
 */
import type { CaseId } from '../domain/case-id';
import type { PostRef } from '../domain/post-ref';
import type { Site } from './registry';
import type { Theme } from '../domain/page-theme';
import type { IntakeRules, PostAddressing } from '../domain/intake-rules';

export interface MountPoint {
  parent: Element;
  /** Insert before this node; null appends. */
  before: Node | null;
  /**
   * A quiet point in a row of text height (a comment's "like · reply · time"): the mark is drawn inline, its
   * box no taller than the text, so the row grows by nothing.
   */
  inline?: boolean;
  /** A quiet point with room for a case's chip beside the mark (else a case's chip takes a line of its own). */
  chip?: boolean;
}

export interface SiteHealthCounts {
  pageKind: string;
  postLike: number;
  posts?: number;
  postsWithId?: number;
  comments?: number;
}

export interface SiteAdapter {
  readonly site: Site;
  /** A selector for candidate posts; cheap, used to find candidates among added nodes. */
  readonly candidateSelector: string;
  /**
   * A dialog the site opens over its page (X's reply dialog, Facebook's photo viewer). A post shown both in
   * one and behind it gets its template picker opened in the dialog the composer is in.
   */
  readonly dialogSelector: string;
  /** Whether a candidate is a post Loket works on (not an ad, not a quoted post, …). */
  accepts(candidate: Element): boolean;
  /**
   * Reads what the page shows of a post, or null when the element holds no readable post (yet).
   * `firstSeen` is the time Loket first saw this element, used when the page shows no posted time.
   * `full` (default true) reads what only a case needs too; false is enough to draw the toolbar.
   */
  readPost(post: Element, firstSeen: number, full?: boolean): PostRef | null;
  /**
   * What a quiet post needs (its id, author and whether it is the agent's own; text may be empty), as cheaply
   * as the page allows: the rest is read by readPost when the toolbar opens. Absent: readPost(post, firstSeen, false).
   * `withName` false: nothing quiet needs the author's display name (the own accounts are named by handle), so
   * it may be left out (the handle stands in for it).
   */
  readQuiet?(post: Element, firstSeen: number, withName?: boolean): PostRef | null;
  /**
   * Just the case id, as cheaply as the page allows: sites re-render parts of a post all the time (counts,
   * relative times), and a post whose id is unchanged need not be read again.
   */
  readKey(post: Element): CaseId | null;
  /**
   * Automatic intake (issue #17): whom the post addresses, from `quiet` (what the page already read of it) and
   * as little more as the site allows; null when it cannot match `rules` (nothing on it names an own account
   * or a keyword). `post` comes back when the adapter read the post in full to find out.
   */
  readAddressing?(post: Element, quiet: PostRef, rules: IntakeRules): { addressing: PostAddressing; post?: PostRef } | null;
  /**
   * For a post whose id the page hides until the user points at it (Facebook's "#" permalinks): do what the
   * user would (hover, focus) so the site fills it in. Called when the agent opens the toolbar of a post read
   * with `idPending` (and, for a post read as null, once when it is first seen); the post is read again at
   * once, and the observer sees a link that fills in later.
   */
  reveal?(post: Element): void;
  /** Where the toolbar host goes for this post, or null when the post has no place for it (yet). */
  mountPoint(post: Element): MountPoint | null;
  /**
   * Where Loket's mark goes while the post is quiet, when the site's action bar has room for it (no line of
   * its own); absent or null: at the mount point. `mount` is this post's mount point, just found.
   */
  quietPoint?(post: Element, mount: MountPoint): MountPoint | null;
  theme(doc: Document): Theme;
  /**
   * The account the agent acts as, as the page shows it: for a reply written in `editor` when given (a
   * Facebook Page admin can comment as the Page or as themselves), else on the page. Null when the page
   * does not show it (then Loket warns about nothing).
   */
  actingAccount?(doc: Document, editor?: Element | null): ActingAccount | null;
  readonly composer: ComposerAccess;
  /**
   * What the page looks like to someone who does not know the site's current markup: its kind (home,
   * status, …) and how many blocks on it look like posts. Used to notice a layout change. A site may say
   * more: the posts it accepts, how many of those yield an id, and the comments it accepts.
   */
  health(doc: Document): SiteHealthCounts;
}

/** Who the page says the agent is logged in or replies as: an X handle ("@gemeente"), or a Facebook name. */
export interface ActingAccount {
  name?: string;
  handle?: string;
}

/** The site's own reply box: where templates go, and how Loket notices that the agent replied. */
export interface ComposerAccess {
  /** The site's reply editors: where the agent types (the trigger, the send key). */
  readonly editorSelector: string;
  /** Clicks on elements matching this are the agent sending a reply. */
  readonly submitSelector: string;
  /** Whether Enter (without Shift) in the editor sends, as on Facebook; otherwise Ctrl/Cmd+Enter does. */
  readonly sendsOnEnter: boolean;
  /** An open composer that replies to this post, if there is one. */
  find(post: Element): HTMLElement | null;
  /** Opens the site's reply box for this post (as its own reply button does) and returns the editor. */
  open(post: Element): Promise<HTMLElement | null>;
  /** Whether the site would send now: its submit button for this editor is enabled. */
  canSubmit(editor: HTMLElement): boolean;
  /** The editor a submit button sends. */
  editorOf(submit: Element): HTMLElement | null;
  /** The case an editor replies to, as far as the page shows it. */
  replyTarget(editor: Element): CaseId | null;
  /** For a post by the agent's own account: the case it answers, when the page shows that (a thread). */
  answers(ownPost: Element): CaseId | null;
  /**
   * Where the B1 indicator for this editor goes: in the composer's own row of buttons where the site leaves
   * room (no extra line), else just below the editor. Null: nowhere (the editor is not a reply box we know).
   */
  indicatorPoint?(editor: HTMLElement): MountPoint | null;
}
