import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ReplyTracker } from '../../src/content/reply-tracker';
import { caseIdFor, type CaseId } from '../../src/domain/case-id';
import type { PostRef } from '../../src/domain/post-ref';
import type { ComposerAccess } from '../../src/sites/site-adapter';

const BOB = caseIdFor('x', '1000000000000000001');
const CAROL = caseIdFor('x', '1000000000000000002');

/**
 * A page with two reply boxes, each with its send button; `data-target` says which case a box answers, as
 * the site adapters read it from the page. `data-answers` on a post marks it as a reply in a thread.
 */
function page(): void {
  document.body.innerHTML = `
    <form data-target="${BOB}"><div class="editor" contenteditable="true"></div><button class="send">Reply</button></form>
    <form data-target="${CAROL}"><div class="editor" contenteditable="true"></div><button class="send" aria-disabled="true">Reply</button></form>
    <article id="own-reply" data-answers="${BOB}"></article>
    <article id="own-post"></article>`;
}

function composer(sendsOnEnter: boolean): ComposerAccess {
  return {
    submitSelector: '.send',
    editorSelector: '.editor',
    sendsOnEnter,
    find: () => null,
    open: async () => null,
    canSubmit: (editor) => editor.closest('form')!.querySelector('.send')!.getAttribute('aria-disabled') !== 'true',
    editorOf: (submit) => submit.closest('form')!.querySelector<HTMLElement>('.editor'),
    replyTarget: (editor) => (editor.closest('form')?.getAttribute('data-target') as CaseId | null) ?? null,
    answers: (own) => (own.getAttribute('data-answers') as CaseId | null) ?? null,
  };
}

const ownPost = (postedAt = 500): PostRef => ({ caseId: caseIdFor('x', '1900000000000000001'), site: 'x', url: 'https://x.com/alice/status/1900000000000000001', author: { name: 'Gemeente' }, text: 'Hoi', postedAt, postedAtSource: 'page', isOwn: true });
const theirPost = (): PostRef => ({ ...ownPost(), isOwn: false });

let now: number;
let replies: Array<[CaseId, number]>;
let controller: AbortController;

function tracker(sendsOnEnter = false): ReplyTracker {
  const t = new ReplyTracker(composer(sendsOnEnter), (id, at) => replies.push([id, at]), () => now);
  t.listen(document, controller.signal);
  return t;
}
const editor = (id: CaseId) => document.querySelector<HTMLElement>(`form[data-target="${id}"] .editor`)!;
const press = (target: HTMLElement, init: KeyboardEventInit) => target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, ...init }));
const own = (id: string) => document.getElementById(id)!;

beforeEach(() => {
  page();
  now = 10_000;
  replies = [];
  controller = new AbortController();
});
afterEach(() => controller.abort());

describe('noticing the agent’s reply', () => {
  it('counts a click on the send button once the reply appears as the agent’s own post, at the moment of sending', () => {
    const t = tracker();
    document.querySelector<HTMLElement>(`form[data-target="${BOB}"] .send`)!.click();
    expect(replies).toEqual([]); // sending is not yet replying: the site may refuse it
    now = 13_000;
    t.appeared(ownPost(), own('own-post'));
    expect(replies).toEqual([[BOB, 10_000]]);
  });

  it('ignores a click on a disabled send button, and posts by others appearing', () => {
    const t = tracker();
    document.querySelector<HTMLElement>(`form[data-target="${CAROL}"] .send`)!.click();
    t.appeared(theirPost(), own('own-post'));
    t.appeared(ownPost(), own('own-post'));
    expect(replies).toEqual([]);
  });

  it('takes Ctrl+Enter or Cmd+Enter as sending on X, not a plain Enter or Shift+Enter', () => {
    const t = tracker(false);
    press(editor(BOB), {});
    press(editor(BOB), { shiftKey: true, ctrlKey: true });
    t.appeared(ownPost(), own('own-post'));
    expect(replies).toEqual([]);
    press(editor(BOB), { ctrlKey: true });
    now = 11_000;
    press(editor(BOB), { metaKey: true });
    t.appeared(ownPost(), own('own-post'));
    t.appeared(ownPost(), own('own-post'));
    expect(replies).toEqual([
      [BOB, 10_000],
      [BOB, 11_000],
    ]);
  });

  it('takes a plain Enter as sending on Facebook, unless the site could not send', () => {
    const t = tracker(true);
    const fb = caseIdFor('facebook', '112233445566778', '987654321098765');
    document.querySelector(`form[data-target="${BOB}"]`)!.setAttribute('data-target', fb);
    press(editor(CAROL), {}); // its send button is disabled: nothing would go
    press(editor(fb), { shiftKey: true }); // a new line
    t.appeared(ownPost(), own('own-post'));
    expect(replies).toEqual([]);
    press(editor(fb), {});
    t.appeared(ownPost(), own('own-post'));
    expect(replies).toEqual([[fb, 10_000]]);
  });

  it('matches replies to sends in order, and forgets a send that never appeared within two minutes', () => {
    const t = tracker();
    document.querySelector<HTMLElement>(`form[data-target="${BOB}"] .send`)!.click();
    now = 200_000; // more than two minutes later
    editor(CAROL).closest('form')!.querySelector('.send')!.removeAttribute('aria-disabled');
    document.querySelector<HTMLElement>(`form[data-target="${CAROL}"] .send`)!.click();
    t.appeared(ownPost(), own('own-post'));
    expect(replies).toEqual([[CAROL, 200_000]]);
  });

  it('without a send to match, takes an own post that shows which case it answers, at its posted time', () => {
    const t = tracker();
    t.appeared(ownPost(4_000), own('own-reply'));
    t.appeared(ownPost(4_000), own('own-post')); // answers nothing the page shows
    expect(replies).toEqual([[BOB, 4_000]]);
  });

  it('counts replies already on the page when it is first read, and only the municipality’s own', () => {
    const t = tracker();
    t.present(ownPost(3_000), own('own-reply'));
    t.present(theirPost(), own('own-reply'));
    expect(replies).toEqual([[BOB, 3_000]]);
  });

  it('stops listening when its signal aborts', () => {
    const t = tracker();
    controller.abort();
    document.querySelector<HTMLElement>(`form[data-target="${BOB}"] .send`)!.click();
    press(editor(BOB), { ctrlKey: true });
    t.appeared(ownPost(), own('own-post'));
    expect(replies).toEqual([]);
  });
});
