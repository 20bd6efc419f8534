import { describe, expect, it, vi } from 'vitest';
import { facebookAdapter } from '../../../src/sites/facebook/adapter';
import { FB } from '../../../src/sites/facebook/selectors';
import { loadPage } from '../../support/fixtures';

// The post's links say pfbid; its comments' base64 ids name it by number, which is its case id.
const POST = '123456789012345';
const composer = facebookAdapter.composer;

function comment(label: string): Element {
  return [...document.querySelectorAll(FB.comment)].find((c) => c.getAttribute('aria-label')!.includes(label))!;
}

describe('Facebook comment boxes', () => {
  it('finds the post’s own box, not a reply box, and knows what it answers', () => {
    loadPage('facebook/page-feed-nl.html', 'https://www.facebook.com/gemeentevoorbeeld');
    const post = document.querySelector('[aria-posinset="1"]')!;
    const box = composer.find(post)!;
    expect(box.getAttribute('aria-label')).toBe('Schrijf een opmerking…');
    expect(composer.replyTarget(box)).toBe(`fb:${POST}`);
    expect(composer.find(comment('Jan Jansen'))).toBeNull();
  });

  it('opens a comment’s reply box with its reply button and finds that box for that comment only', async () => {
    loadPage('facebook/page-feed-nl.html', 'https://www.facebook.com/gemeentevoorbeeld');
    const jan = comment('Jan Jansen');
    // Stand-in for Facebook: the reply button adds a Lexical-marked box under the comment.
    document.addEventListener('click', (e) => {
      const li = (e.target as Element).closest('[role="button"]')?.closest(FB.comment)?.closest('li');
      if (li) li.insertAdjacentHTML('beforeend', '<form><div contenteditable="true" role="textbox" data-lexical-editor="true"></div></form>');
    });
    const box = await composer.open(jan);
    expect(box).not.toBeNull();
    expect(composer.replyTarget(box!)).toBe(`fb:${POST}/987654321098765`);
    expect(composer.find(comment('Fatima'))).toBeNull();
    expect(composer.find(document.querySelector('[aria-posinset="1"]')!)!.getAttribute('aria-label')).toBe('Schrijf een opmerking…');
  });

  it('knows which case a reply by the Page answers', () => {
    loadPage('facebook/post-en.html', 'https://www.facebook.com/permalink.php?story_fbid=x');
    const pageReply = comment('Reply by Town of Example');
    expect(composer.answers(pageReply)).toBe('fb:998877665544332/443322110099887');
    expect(composer.answers(comment('Comment by Sam Peters'))).toBe('fb:998877665544332');
    expect(composer.sendsOnEnter).toBe(true);
  });

  it('hovers a "#" permalink so Facebook fills it in', () => {
    loadPage('facebook/page-feed-nl.html', 'https://www.facebook.com/gemeentevoorbeeld');
    const post = document.querySelector('[aria-posinset="4"]')!;
    // Until then the post is drawn under a placeholder key, its id pending (no case id: nothing can store it).
    expect(facebookAdapter.readPost(post, 0)).toMatchObject({ caseId: expect.stringMatching(/^fb:pending-\d+$/), idPending: true });
    const seen = vi.fn((e: Event) => {
      const a = (e.target as Element).closest('a[data-real-href]');
      a?.setAttribute('href', a.getAttribute('data-real-href')!);
    });
    document.addEventListener('mouseover', seen);
    facebookAdapter.reveal!(post);
    expect(seen).toHaveBeenCalled();
    expect(facebookAdapter.readPost(post, 0)?.caseId).toBe('fb:778899001122334');
  });
});
