/**
 * Opens the template picker from the site's own composer: the agent types the trigger (";;") in a reply box,
 * as in Zammad's "::", and the picker of the post that box answers opens with its search field focused.
 * The trigger stays in the composer until a template replaces it; Escape leaves it as typed.
 *
 * One input listener for the whole page, and it looks at the two characters before the caret only.
 */
import type { CaseId } from '../domain/case-id';
import type { ComposerAccess } from '../sites/site-adapter';

export const TRIGGER = ';;';

/** Opens the picker of the post `target` for a reply in `editor`. */
type OpenPicker = (target: CaseId, editor: HTMLElement) => void;

export function listenForTrigger(
  doc: Document,
  composer: ComposerAccess,
  open: OpenPicker,
  signal: AbortSignal,
): void {
  doc.addEventListener('input', (e) => checkTrigger(e.target, doc, composer, open), { capture: true, signal });
}

/**
 * A trigger typed before Loket started (on a slow page the agent can be quicker): when the reply box that has
 * the focus ends in it at the caret, the picker opens now. Called once the page's posts have their toolbars.
 */
export function openForTypedTrigger(doc: Document, composer: ComposerAccess, open: OpenPicker): void {
  checkTrigger(doc.activeElement, doc, composer, open);
}

function checkTrigger(at: EventTarget | null, doc: Document, composer: ComposerAccess, open: OpenPicker): void {
  const editor = (at as Element | null)?.closest?.(composer.editorSelector);
  if (!(editor instanceof HTMLElement) || !endsWithTrigger(editor, doc)) return;
  const target = composer.replyTarget(editor);
  if (target) open(target, editor);
}

function endsWithTrigger(editor: HTMLElement, doc: Document): boolean {
  if (editor instanceof HTMLTextAreaElement) return editor.value.slice(0, editor.selectionStart).endsWith(TRIGGER);
  const selection = doc.getSelection();
  const node = selection?.anchorNode;
  if (!selection?.isCollapsed || !node || node.nodeType !== Node.TEXT_NODE || !editor.contains(node)) return false;
  return (node.nodeValue ?? '').slice(0, selection.anchorOffset).endsWith(TRIGGER);
}
