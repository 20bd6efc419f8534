/** The reply record the tracker hands over with each reply (issue #20): words, link, posted time, how it was seen. */
import { describe, expect, it, vi } from 'vitest';
import { ReplyTracker } from '../../src/content/reply-tracker';
import { caseIdFor, type CaseId } from '../../src/domain/case-id';
import type { PostRef } from '../../src/domain/post-ref';
import type { ComposerAccess } from '../../src/sites/site-adapter';

const CASE = caseIdFor('x', '100');

function composer(answers: CaseId | null): ComposerAccess {
  return {
    editorSelector: '[data-editor]',
    submitSelector: '[data-send]',
    sendsOnEnter: false,
    find: () => null,
    open: async () => null,
    canSubmit: () => true,
    editorOf: () => document.querySelector<HTMLElement>('[data-editor]'),
    replyTarget: () => CASE,
    answers: () => answers,
  };
}

const ownReply = (id: string, text = 'Dank voor uw melding.'): PostRef => ({
  caseId: caseIdFor('x', id),
  site: 'x',
  url: `https://x.com/gemeente/status/${id}`,
  author: { name: 'Gemeente', handle: '@gemeente' },
  text,
  postedAt: 5_000,
  postedAtSource: 'page',
  isOwn: true,
});

describe('the reply tracker hands over the reply itself', () => {
  it('a reply sent from a reply box Loket watched: the moment of sending, the text and link, via Loket', () => {
    document.body.innerHTML = '<div data-editor contenteditable="true"></div><button data-send>Send</button>';
    const onReply = vi.fn();
    let now = 1_000;
    const tracker = new ReplyTracker(composer(null), onReply, () => now);
    const life = new AbortController();
    tracker.listen(document, life.signal);
    document.querySelector<HTMLElement>('[data-send]')!.click();
    now = 2_000;
    tracker.appeared(ownReply('101'), document.body);
    expect(onReply).toHaveBeenCalledWith(CASE, 1_000, {
      postId: caseIdFor('x', '101'),
      text: 'Dank voor uw melding.',
      url: 'https://x.com/gemeente/status/101',
      postedAt: 5_000,
      via: 'loket',
    });
    life.abort();
  });

  it('a reply of ours on the thread that Loket did not see sent: at its posted time, marked as written elsewhere', () => {
    const onReply = vi.fn();
    const tracker = new ReplyTracker(composer(CASE), onReply);
    tracker.present(ownReply('102', 'Opgelost.'), document.body);
    expect(onReply).toHaveBeenCalledWith(CASE, 5_000, expect.objectContaining({ postId: caseIdFor('x', '102'), text: 'Opgelost.', via: 'elsewhere' }));
  });

  it('ignores posts by others and own posts that answer no case', () => {
    const onReply = vi.fn();
    new ReplyTracker(composer(CASE), onReply).present({ ...ownReply('103'), isOwn: false }, document.body);
    new ReplyTracker(composer(null), onReply).present(ownReply('104'), document.body);
    expect(onReply).not.toHaveBeenCalled();
  });
});
