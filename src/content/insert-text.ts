/**
 * Puts text into a site's own composer so that the site's editor (Draft.js on X, Lexical on Facebook) takes
 * it into its state: a synthetic paste, the one method measured to work in both editors, empty or not,
 * multi-line included. A DOM edit alone would show text the editor does not know about, leave the Post
 * button disabled and be lost on the next render — so the result is always checked.
 */

export type InsertOutcome = 'inserted' | 'not-accepted' | 'not-verified';

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export interface InsertOptions {
  /**
   * Text in the editor that the inserted text replaces (the template trigger ";;" typed in the composer):
   * its last occurrence is selected, and the paste replaces the selection as a paste by the user would.
   */
  replacing?: string;
  /** Where the caret goes, as an index into `text` (the template's {{cursor}}); default the end. */
  caret?: number;
}

export async function insertIntoEditor(
  editor: HTMLElement,
  text: string,
  canSubmit: () => boolean,
  options: InsertOptions = {},
): Promise<InsertOutcome> {
  if (editor instanceof HTMLTextAreaElement) return insertIntoTextarea(editor, text, canSubmit, options);
  editor.focus();
  // Editors ignore input in the same tick as focus (Lexical) and put the caret at the start after a refocus
  // (Draft): wait, then place the caret after the existing text (or select the text to replace).
  await settle(50);
  const selection = editor.ownerDocument.getSelection();
  const range = (options.replacing && findLast(editor, options.replacing)) || endOf(editor);
  selection?.removeAllRanges();
  selection?.addRange(range);
  await settle(30);
  const before = textOf(editor);
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const paste = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
  editor.dispatchEvent(paste);
  if (!paste.defaultPrevented) return 'not-accepted';
  if (!(await verify(editor, before, text, canSubmit, options.replacing))) return 'not-verified';
  if (options.caret !== undefined && options.caret < text.length && selection) {
    // The caret is at the end of the pasted text: step back over what follows the cursor mark, one
    // user-perceived character at a time, as the arrow key would (the editors follow the selection).
    const steps = graphemes(text.slice(options.caret).replace(/\r\n/g, '\n'));
    for (let i = 0; i < steps; i++) selection.modify('move', 'backward', 'character');
  }
  return 'inserted';
}

function endOf(editor: HTMLElement): Range {
  const range = editor.ownerDocument.createRange();
  range.selectNodeContents(editor);
  range.collapse(false);
  return range;
}

/** The last occurrence of `needle` inside one text node of the editor, as a range. */
function findLast(editor: HTMLElement, needle: string): Range | null {
  const walker = editor.ownerDocument.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
  let found: Range | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.nodeValue?.lastIndexOf(needle) ?? -1;
    if (at < 0) continue;
    found = editor.ownerDocument.createRange();
    found.setStart(node, at);
    found.setEnd(node, at + needle.length);
  }
  return found;
}

function graphemes(text: string): number {
  let n = 0;
  for (const _ of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) n++;
  return n;
}

const textOf = (editor: HTMLElement) => squash(editor instanceof HTMLTextAreaElement ? editor.value : editor.innerText);
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

async function verify(editor: HTMLElement, before: string, text: string, canSubmit: () => boolean, replacing?: string): Promise<boolean> {
  const wanted = squash(text);
  for (let i = 0; i < 20; i++) {
    await settle(25);
    const now = textOf(editor);
    const kept = replacing ? count(now, replacing) < count(before, replacing) : now.includes(before);
    if (now.includes(wanted) && kept && canSubmit()) return true;
  }
  return false;
}

/** X's mobile layout uses a plain textarea inside React: set the value the way React notices, then check. */
async function insertIntoTextarea(area: HTMLTextAreaElement, text: string, canSubmit: () => boolean, options: InsertOptions): Promise<InsertOutcome> {
  area.focus();
  const before = textOf(area);
  const at = options.replacing ? area.value.lastIndexOf(options.replacing) : -1;
  const [head, tail] = at >= 0 ? [area.value.slice(0, at), area.value.slice(at + options.replacing!.length)] : [area.value, ''];
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
  setter?.call(area, head + text + tail);
  const caret = head.length + (options.caret ?? text.length);
  area.setSelectionRange(caret, caret);
  area.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste', data: text }));
  return (await verify(area, before, text, canSubmit, at >= 0 ? options.replacing : undefined)) ? 'inserted' : 'not-verified';
}
