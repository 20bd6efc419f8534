import { afterEach, describe, expect, it, vi } from 'vitest';
import { listenForTrigger, openForTypedTrigger } from '../../src/content/template-trigger';
import type { CaseId } from '../../src/domain/case-id';
import type { ComposerAccess } from '../../src/sites/site-adapter';

/** The parts of a site's composer the trigger reads: which elements are reply boxes, and what they answer. */
const composer = { editorSelector: 'textarea[data-box]', replyTarget: () => 'x:1' as CaseId } as unknown as ComposerAccess;
const life = new AbortController();
afterEach(() => {
  life.abort();
  document.body.replaceChildren();
});

function box(value: string): HTMLTextAreaElement {
  document.body.innerHTML = '<textarea data-box></textarea><textarea></textarea>';
  const el = document.querySelector<HTMLTextAreaElement>('textarea[data-box]')!;
  el.value = value;
  el.focus();
  el.setSelectionRange(value.length, value.length);
  return el;
}

describe('the ";;" trigger', () => {
  it('opens the picker for the post a reply box answers when ";;" is typed before the caret', () => {
    const open = vi.fn();
    listenForTrigger(document, composer, open, life.signal);
    const el = box('Goedemorgen ;');
    el.dispatchEvent(new InputEvent('input', { bubbles: true }));
    expect(open).not.toHaveBeenCalled();
    el.value = 'Goedemorgen ;;';
    el.setSelectionRange(14, 14);
    el.dispatchEvent(new InputEvent('input', { bubbles: true }));
    expect(open).toHaveBeenCalledWith('x:1', el);
  });

  it('opens it for a trigger typed before Loket started, in the reply box that has the focus', () => {
    const open = vi.fn();
    const el = box('Hallo ;;');
    openForTypedTrigger(document, composer, open);
    expect(open).toHaveBeenCalledWith('x:1', el);
  });

  it('does nothing when the caret is not after the trigger, or the focus is not in a reply box', () => {
    const open = vi.fn();
    const el = box(';; hallo');
    openForTypedTrigger(document, composer, open);
    el.blur();
    document.querySelectorAll('textarea')[1]!.focus();
    openForTypedTrigger(document, composer, open);
    expect(open).not.toHaveBeenCalled();
  });
});
