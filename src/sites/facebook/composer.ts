/**
 * Facebook's Lexical comment boxes: one under each post, and a reply box that a comment's reply button
 * opens under that comment. Enter sends (Shift+Enter is a line break), so a reply is noticed from the key
 * and confirmed when the Page's comment appears.
 */
import type { CaseId } from '../../domain/case-id';
import type { ComposerAccess } from '../site-adapter';
import { waitForElement } from '../wait-for-element';
import { isComment, postOf, readFacebookPost } from './read-post';
import { FB } from './selectors';

/**
 * The comment that an element (a reply box, or a reply) belongs under: walking up from it, the first comment
 * that is an ancestor or a direct child of an ancestor — the head of its thread. Null: it belongs to the post.
 */
function threadComment(el: Element): Element | null {
  for (let cur = el.parentElement; cur && !cur.matches(FB.feedPost); cur = cur.parentElement) {
    if (cur.matches(FB.comment)) return cur;
    const head = [...cur.children].find((c) => c.matches(FB.comment) && c !== el && !c.contains(el));
    if (head) return head;
    if (cur.matches(FB.article)) return null; // reached the post itself
  }
  return null;
}

function postFor(el: Element): Element | null {
  if (isComment(el)) return postOf(el);
  return el.closest(FB.feedPost) ?? el.closest(FB.article);
}

/** A comment's own buttons (not those of replies nested in it), in page order: like, reply, … */
function ownButtons(comment: Element): HTMLElement[] {
  return [...comment.querySelectorAll<HTMLElement>(FB.button)].filter((b) => b.closest(FB.comment) === comment);
}

const caseOf = (el: Element | null): CaseId | null => (el && readFacebookPost(el, Date.now())?.caseId) ?? null;

export const facebookComposer: ComposerAccess = {
  editorSelector: FB.commentBox,
  submitSelector: 'form [type="submit"]',
  sendsOnEnter: true,

  find(el) {
    const scope = isComment(el) ? (el.closest('li') ?? el.parentElement) : el;
    const boxes = [...(scope?.querySelectorAll<HTMLElement>(FB.commentBox) ?? [])];
    return boxes.find((box) => (isComment(el) ? threadComment(box) === el : threadComment(box) === null)) ?? null;
  },

  async open(el) {
    const existing = this.find(el);
    if (existing || !isComment(el)) return existing;
    const reply = ownButtons(el)[FB.replyButtonIndex];
    if (!reply) return null;
    reply.click();
    return waitForElement(() => this.find(el));
  },

  canSubmit(editor) {
    return (editor.textContent ?? '').trim().length > 0;
  },

  indicatorPoint(editor) {
    // The comment form holds the editor (and, on the live site, its emoji/photo buttons): at its end, a small
    // line under the box. No room was found inside the box that holds for every shape.
    const form = editor.closest('form');
    return form ? { parent: form, before: null } : editor.parentElement ? { parent: editor.parentElement, before: editor.nextSibling } : null;
  },

  editorOf(submit) {
    return submit.closest('form')?.querySelector<HTMLElement>(FB.commentBox) ?? null;
  },

  replyTarget(editor) {
    return caseOf(threadComment(editor) ?? postFor(editor));
  },

  answers(ownComment) {
    // A comment by the Page answers the comment it sits under, or else the post.
    if (!isComment(ownComment)) return null;
    return caseOf(threadComment(ownComment) ?? postOf(ownComment));
  },
};
