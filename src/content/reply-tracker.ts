/**
 * Notices the agent's replies. Sending is seen as a click on the site's submit button, or the key that sends
 * in its editor (Ctrl/Cmd+Enter on X, Enter on Facebook), and only counts once the reply appears on the page as a post by the agent's own account; the
 * first response time is the moment of sending. A reply by the municipality's account that the page shows
 * in a thread counts too, at its own posted time. Either way the reply itself (text, link, posted time) goes
 * with it, to be kept in the case's history; one Loket did not see sent is marked as written elsewhere.
 */
import type { CaseId } from '../domain/case-id';
import type { ReplyRecord, ReplyVia } from '../domain/case-event';
import type { PostRef } from '../domain/post-ref';
import type { ComposerAccess } from '../sites/site-adapter';

const CONFIRM_WITHIN_MS = 2 * 60_000;

interface Pending {
  caseId: CaseId;
  at: number;
}

export class ReplyTracker {
  private pending: Pending[] = [];

  constructor(
    private readonly composer: ComposerAccess,
    private readonly onReply: (caseId: CaseId, at: number, reply: ReplyRecord) => void,
    private readonly now: () => number = Date.now,
  ) {}

  listen(doc: Document, signal: AbortSignal): void {
    doc.addEventListener(
      'click',
      (e) => {
        const button = (e.target as Element | null)?.closest?.(this.composer.submitSelector);
        if (!button || button.getAttribute('aria-disabled') === 'true') return;
        const editor = this.composer.editorOf(button);
        if (editor) this.sending(editor);
      },
      { capture: true, signal },
    );
    doc.addEventListener(
      'keydown',
      (e) => {
        if (e.key !== 'Enter' || e.shiftKey) return;
        if (!this.composer.sendsOnEnter && !(e.ctrlKey || e.metaKey)) return;
        const editor = (e.target as Element | null)?.closest?.(this.composer.editorSelector);
        if (editor instanceof HTMLElement && this.composer.canSubmit(editor)) this.sending(editor);
      },
      { capture: true, signal },
    );
  }

  /** Called for every post that appears on the page after it was first read. */
  appeared(post: PostRef, el: Element): void {
    if (!post.isOwn) return;
    const now = this.now();
    this.pending = this.pending.filter((p) => now - p.at <= CONFIRM_WITHIN_MS);
    const sent = this.pending.shift();
    if (sent) this.onReply(sent.caseId, sent.at, replyRecord(post, 'loket'));
    else this.present(post, el);
  }

  /** Called for posts present when the page was first read: replies already on a thread count too. */
  present(post: PostRef, el: Element): void {
    if (!post.isOwn) return;
    const answered = this.composer.answers(el);
    if (answered) this.onReply(answered, post.postedAt, replyRecord(post, 'elsewhere'));
  }

  private sending(editor: HTMLElement): void {
    const caseId = this.composer.replyTarget(editor);
    if (caseId) this.pending.push({ caseId, at: this.now() });
  }
}

function replyRecord(post: PostRef, via: ReplyVia): ReplyRecord {
  return { postId: post.caseId, text: post.text, url: post.url, postedAt: post.postedAt, via };
}
