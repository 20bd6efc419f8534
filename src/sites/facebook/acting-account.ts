/**
 * Whom the agent comments as on Facebook. A Page admin can comment as the Page or as themselves, and each
 * comment box says which in its placeholder or label ("Reageren als Gemeente Voorbeeld"); a box that says
 * nothing of the kind ("Schrijf een opmerking…") tells nothing.
 */
import type { ActingAccount } from '../site-adapter';
import { FB } from './selectors';

function commentsAs(box: Element): string | null {
  for (const attr of ['aria-placeholder', 'aria-label']) {
    const name = FB.commentAs.exec((box.getAttribute(attr) ?? '').trim())?.[1]?.trim();
    if (name) return name;
  }
  return null;
}

/** For `editor` when given, else the first comment box on the page that names its account. */
export function facebookActingAccount(doc: Document, editor?: Element | null): ActingAccount | null {
  const boxes = editor ? [editor] : doc.querySelectorAll(FB.commentBox);
  for (const box of boxes) {
    const name = commentsAs(box);
    if (name) return { name };
  }
  return null;
}
