/**
 * Text into a site's composer. The real editors (Draft.js on X, Lexical on Facebook) are driven in the
 * end-to-end tests; here a stand-in that takes a paste the way they do (it cancels the browser's paste and
 * puts the text where the selection is) checks what Loket selects, sends and concludes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { insertIntoEditor } from '../../src/content/insert-text';

const always = () => true;

/** A rich editor: on paste it replaces the selection with the pasted text (or ignores, or swallows the paste). */
function richEditor(initial: string, behaviour: 'takes' | 'ignores' | 'cancels' = 'takes'): { editor: HTMLElement; pasted: string[] } {
  const editor = document.createElement('div');
  editor.contentEditable = 'true';
  editor.textContent = initial;
  document.body.append(editor);
  const pasted: string[] = [];
  editor.addEventListener('paste', (e) => {
    if (behaviour === 'ignores') return;
    e.preventDefault();
    const text = e.clipboardData!.getData('text/plain');
    pasted.push(text);
    if (behaviour === 'cancels') return; // claims the paste, changes nothing
    const range = document.getSelection()!.getRangeAt(0);
    range.deleteContents();
    const node = document.createTextNode(text);
    range.insertNode(node);
    editor.normalize();
  });
  return { editor, pasted };
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('inserting into a rich editor', () => {
  it('pastes after the text already there and reports it inserted once the editor shows it', async () => {
    const { editor, pasted } = richEditor('Goedemorgen! ');
    expect(await insertIntoEditor(editor, 'Hoi Bob, fijn dat u het meldt.', always)).toBe('inserted');
    expect(pasted).toEqual(['Hoi Bob, fijn dat u het meldt.']);
    expect(editor.textContent).toBe('Goedemorgen! Hoi Bob, fijn dat u het meldt.');
  });

  it('replaces the last trigger typed, not an earlier one and not the text around it', async () => {
    const { editor } = richEditor('Zie ;; hierboven. Dan: ;;');
    expect(await insertIntoEditor(editor, 'Hoi Bob', always, { replacing: ';;' })).toBe('inserted');
    expect(editor.textContent).toBe('Zie ;; hierboven. Dan: Hoi Bob');
  });

  it('says the editor did not take it when the editor leaves the paste to the browser', async () => {
    const { editor } = richEditor('', 'ignores');
    expect(await insertIntoEditor(editor, 'Hoi Bob', always)).toBe('not-accepted');
    expect(editor.textContent).toBe('');
  });

  it('does not claim success when the text never shows up, or the site would not send it', async () => {
    const { editor: swallowing } = richEditor('', 'cancels');
    expect(await insertIntoEditor(swallowing, 'Hoi Bob', always)).toBe('not-verified');
    const { editor: disabled } = richEditor('');
    expect(await insertIntoEditor(disabled, 'Hoi Bob', () => false)).toBe('not-verified');
    expect(disabled.textContent).toBe('Hoi Bob');
  });

  it('does not count text that wiped out what the agent had typed', async () => {
    const { editor } = richEditor('Mijn eigen zin.');
    editor.addEventListener('paste', () => queueMicrotask(() => (editor.textContent = 'Hoi Bob')));
    expect(await insertIntoEditor(editor, 'Hoi Bob', always)).toBe('not-verified');
  });

  it('steps the caret back to the template’s cursor mark, one visible character at a time', async () => {
    const { editor } = richEditor('');
    const modify = vi.fn();
    const selection = document.getSelection()!;
    Object.defineProperty(selection, 'modify', { value: modify, configurable: true });
    const text = 'Hoi Bob, 👋🏽 groet\r\n^AW';
    // The cursor sits before "👋🏽": behind it are the emoji (one character on screen), " groet", a line break, "^AW".
    expect(await insertIntoEditor(editor, text, always, { caret: text.indexOf('👋') })).toBe('inserted');
    expect(modify).toHaveBeenCalledTimes(1 + ' groet'.length + 1 + '^AW'.length);
    expect(modify).toHaveBeenCalledWith('move', 'backward', 'character');
    delete (selection as { modify?: unknown }).modify;
  });
});

describe('inserting into a plain textarea (X’s mobile layout)', () => {
  function textarea(value: string): { area: HTMLTextAreaElement; inputs: InputEvent[] } {
    const area = document.createElement('textarea');
    area.value = value;
    document.body.append(area);
    const inputs: InputEvent[] = [];
    area.addEventListener('input', (e) => inputs.push(e as InputEvent));
    return { area, inputs };
  }

  it('adds the text at the end, as a paste React hears about, with the caret after it', async () => {
    const { area, inputs } = textarea('Hallo. ');
    expect(await insertIntoEditor(area, 'Hoi Bob', always)).toBe('inserted');
    expect(area.value).toBe('Hallo. Hoi Bob');
    expect(inputs).toHaveLength(1);
    expect(inputs[0]).toMatchObject({ inputType: 'insertFromPaste', data: 'Hoi Bob', bubbles: true });
    expect([area.selectionStart, area.selectionEnd]).toEqual([14, 14]);
  });

  it('replaces the last trigger and puts the caret at the cursor mark', async () => {
    const { area } = textarea(';; eerst, dan ;; en verder');
    expect(await insertIntoEditor(area, 'Hoi Bob, groet', always, { replacing: ';;', caret: 'Hoi Bob, '.length })).toBe('inserted');
    expect(area.value).toBe(';; eerst, dan Hoi Bob, groet en verder');
    const caret = ';; eerst, dan Hoi Bob, '.length;
    expect([area.selectionStart, area.selectionEnd]).toEqual([caret, caret]);
  });

  it('says so when the site would not send what is there', async () => {
    const { area } = textarea('');
    expect(await insertIntoEditor(area, 'Hoi Bob', () => false)).toBe('not-verified');
  });
});
