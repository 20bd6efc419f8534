/**
 * Facebook's Lexical comment box under a post or comment. Enter sends a comment (there is no button to
 * watch), so a reply is noticed when the agent's comment appears.
 */
import type { CaseId } from '../../domain/case-id';
import type { ComposerAccess } from '../site-adapter';
import { FB } from './selectors';
import { isComment, postOf, readFacebookPost } from './read-post';

function boxIn(scope: Element | null): HTMLElement | null {
  return scope?.querySelector<HTMLElement>(FB.commentBox) ?? null;
}

export const facebookComposer: ComposerAccess = {
  submitSelector: `${FB.commentBox} ~ [role="button"][aria-label], form [type="submit"]`,

  find(el) {
    // A reply box opens below the comment it answers; a post's box sits at the end of its comments.
    if (isComment(el)) return boxIn(el.parentElement);
    return boxIn(el);
  },

  async open(el) {
    return this.find(el);
  },

  canSubmit(editor) {
    return (editor.textContent ?? '').trim().length > 0;
  },

  editorOf(submit) {
    return boxIn(submit.closest('form'));
  },

  answers(ownComment) {
    // A comment by the Page under a post (or in a comment's replies) answers that post or comment.
    if (!isComment(ownComment)) return null;
    const post = postOf(ownComment);
    return (post && readFacebookPost(post, Date.now())?.caseId) ?? null;
  },

  replyTarget(editor): CaseId | null {
    const post = editor.closest(FB.feedPost) ?? editor.closest(FB.article);
    const target = post && !isComment(post) ? post : post ? postOf(post) : null;
    return (target && readFacebookPost(target, Date.now())?.caseId) ?? null;
  },
};
