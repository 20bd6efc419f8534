/**
 * Puts text into a site's own composer so that the site's editor (Draft.js on X, Lexical on Facebook) takes
 * it into its state: a synthetic paste, the one method measured to work in both editors, empty or not,
 * multi-line included. A DOM edit alone would show text the editor does not know about, leave the Post
 * button disabled and be lost on the next render — so the result is always checked.
 */

export type InsertOutcome = 'inserted' | 'not-accepted' | 'not-verified';

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export async function insertIntoEditor(editor: HTMLElement, text: string, canSubmit: () => boolean): Promise<InsertOutcome> {
  if (editor instanceof HTMLTextAreaElement) return insertIntoTextarea(editor, text, canSubmit);
  editor.focus();
  // Editors ignore input in the same tick as focus (Lexical) and put the caret at the start after a refocus
  // (Draft): wait, then place the caret after the existing text.
  await settle(50);
  const selection = editor.ownerDocument.getSelection();
  if (selection) {
    const range = editor.ownerDocument.createRange();
    range.selectNodeContents(editor);
    range.collapse(false);
    selection.removeAllRanges();
    selection.addRange(range);
  }
  await settle(30);
  const before = squash(editor.innerText);
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
  editor.dispatchEvent(paste);
  if (!paste.defaultPrevented) return 'not-accepted';
  return (await verify(editor, before, text, canSubmit)) ? 'inserted' : 'not-verified';
}

async function verify(editor: HTMLElement, before: string, text: string, canSubmit: () => boolean): Promise<boolean> {
  const wanted = squash(text);
  for (let i = 0; i < 20; i++) {
    await settle(25);
    const now = squash(editor instanceof HTMLTextAreaElement ? editor.value : editor.innerText);
    if (now.includes(wanted) && now.includes(before) && canSubmit()) return true;
  }
  return false;
}

/** X's mobile layout uses a plain textarea inside React: set the value the way React notices, then check. */
async function insertIntoTextarea(area: HTMLTextAreaElement, text: string, canSubmit: () => boolean): Promise<InsertOutcome> {
  area.focus();
  const before = squash(area.value);
  const next = area.value + text;
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  setter?.call(area, next);
  area.setSelectionRange(next.length, next.length);
  area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: text }));
  return (await verify(area, before, text, canSubmit)) ? 'inserted' : 'not-verified';
}
