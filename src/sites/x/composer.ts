/**
 * X's reply composer: the inline reply box under a tweet on its own page, and the reply dialog that X's reply
 * button opens. Which tweet a composer answers is read from the page: the tweet shown in the dialog, or the
 * focal tweet of the /status/ page.
 */
import { caseIdFor, type CaseId } from '../../domain/case-id';
import { waitForElement } from '../wait-for-element';
import type { ComposerAccess } from '../site-adapter';
import { readXKey, statusFromHref } from './read-post';
import { X } from './selectors';

const EDITOR = `${X.composerEditor}, ${X.composerTextarea}`;

/** The status id of a tweet shown in a dialog or on the page: the same permalink reading as the adapter's. */
function statusIdOf(article: Element): string | null {
  return readXKey(article)?.slice(2) ?? null;
}

function pageStatusId(doc: Document): string | null {
  return statusFromHref(doc.location?.pathname ?? null)?.id ?? null;
}

function dialogFor(statusId: string, doc: Document): Element | null {
  for (const dialog of doc.querySelectorAll(X.dialog)) {
    const article = dialog.querySelector(X.tweet);
    if (article && statusIdOf(article) === statusId && dialog.querySelector(EDITOR)) return dialog;
  }
  return null;
}

function inlineEditor(doc: Document): HTMLElement | null {
  return [...doc.querySelectorAll<HTMLElement>(EDITOR)].find((e) => e.closest(X.dialog) === null) ?? null;
}

/** The Reply button that sends this editor: the dialog's, or the inline reply box's. */
function submitOf(editor: Element): Element | null {
  const dialog = editor.closest(X.dialog);
  return (dialog ?? editor.ownerDocument).querySelector(dialog ? X.submitDialog : X.submitInline);
}

export const xComposer: ComposerAccess = {
  editorSelector: EDITOR,
  submitSelector: `${X.submitInline}, ${X.submitDialog}`,
  sendsOnEnter: false,

  find(post) {
    const id = statusIdOf(post);
    if (!id) return null;
    const dialog = dialogFor(id, post.ownerDocument);
    if (dialog) return dialog.querySelector<HTMLElement>(EDITOR);
    return pageStatusId(post.ownerDocument) === id ? inlineEditor(post.ownerDocument) : null;
  },

  async open(post) {
    const existing = this.find(post);
    if (existing) return existing;
    const reply = [...post.querySelectorAll<HTMLElement>(X.actionBarButton)].find((b) => b.closest(X.quoted) === null);
    if (!reply) return null;
    reply.click();
    return waitForElement(() => this.find(post));
  },

  canSubmit(editor) {
    const button = submitOf(editor);
    return button !== null && button.getAttribute('aria-disabled') !== 'true' && !(button as HTMLButtonElement).disabled;
  },

  indicatorPoint(editor) {
    // The composer's toolbar row (media buttons … Reply) has room to the left of the Reply button.
    const button = submitOf(editor);
    return button?.parentElement ? { parent: button.parentElement, before: button } : null;
  },

  editorOf(submit) {
    const dialog = submit.closest(X.dialog);
    if (dialog) return dialog.querySelector<HTMLElement>(EDITOR);
    return inlineEditor(submit.ownerDocument);
  },

  answers(ownPost) {
    // On a tweet's own page the conversation below the focal tweet answers it.
    const focalId = pageStatusId(ownPost.ownerDocument);
    if (!focalId || statusIdOf(ownPost) === focalId) return null;
    const focal = [...ownPost.ownerDocument.querySelectorAll(X.tweet)].find((a) => statusIdOf(a) === focalId && !a.closest(X.dialog));
    if (!focal) return null;
    return focal.compareDocumentPosition(ownPost) & Node.DOCUMENT_POSITION_FOLLOWING ? caseIdFor('x', focalId) : null;
  },

  replyTarget(editor): CaseId | null {
    const dialog = editor.closest(X.dialog);
    const article = dialog?.querySelector(X.tweet);
    const id = article ? statusIdOf(article) : pageStatusId(editor.ownerDocument);
    return id ? caseIdFor('x', id) : null;
  },
};
