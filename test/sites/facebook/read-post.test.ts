import { describe, expect, it } from 'vitest';
import { facebookAdapter } from '../../../src/sites/facebook/adapter';
import { readFacebookKey, readFacebookPost } from '../../../src/sites/facebook/read-post';
import { loadPage } from '../../support/fixtures';

const FIRST_SEEN = Date.UTC(2026, 10, 26, 9, 0);

function read(doc: Document) {
  return [...doc.querySelectorAll(facebookAdapter.candidateSelector)]
    .filter((el) => facebookAdapter.accepts(el))
    .map((el) => ({ el, post: readFacebookPost(el, FIRST_SEEN, true, FIRST_SEEN) }));
}

describe('facebook.com: posts and comments (Dutch UI)', () => {
  const doc = () => loadPage('facebook/page-feed-nl.html', 'https://www.facebook.com/gemeentevoorbeeld');

  it('finds posts, comments and the nested reply, and skips the sponsored unit', () => {
    const found = read(doc()).map(({ post }) => post?.caseId ?? null);
    // The post's links say pfbid; its comments' base64 ids name it by number: the number is the case id.
    expect(found).toEqual([
      'fb:123456789012345',
      'fb:123456789012345/987654321098765',
      'fb:123456789012345/555444333222111',
      'fb:123456789012345/121212121212121',
      'fb:112233445566778',
      null, // permalink is "#" until hovered
    ]);
  });

  it('reads a comment’s author, text and clean URL', () => {
    const comment = read(doc())[1]!.post!;
    expect(comment).toMatchObject({
      site: 'facebook',
      author: { name: 'Jan Jansen', profileUrl: 'https://www.facebook.com/jan.jansen.1234' },
      text: 'Onze container is vorige week ook al niet geleegd. Wie kan ik bellen?',
      url: 'https://www.facebook.com/gemeentevoorbeeld/posts/pfbid02Xk7aBcDeFgHiJkLmNoPqRsTuVwXyZ123456789abcdEFGHl?comment_id=987654321098765',
      // "Opmerking van Jan Jansen 2 uur geleden", read when first seen: at most 3 hours before.
      postedAtSource: 'page-relative',
      postedAt: FIRST_SEEN - 3 * 3_600_000 + 1,
      aliases: ['fb:pfbid02Xk7aBcDeFgHiJkLmNoPqRsTuVwXyZ123456789abcdEFGHl/987654321098765'],
      isReply: true,
    });
    expect(comment.url).not.toContain('__cft__');
  });

  it('reads the reply with its own comment id and the commenter’s profile', () => {
    const reply = read(doc())[2]!.post!;
    expect(reply.author).toEqual({ name: 'Piet de Boer', profileUrl: 'https://www.facebook.com/profile.php?id=100001234567890' });
    expect(reply.text).toBe('Bij ons ook! Dorpsstraat, even nummers.');
  });

  it('reads the post text without its comments', () => {
    const post = read(doc())[0]!.post!;
    expect(post.author.name).toBe('Gemeente Voorbeeld');
    expect(post.text).toMatch(/^Let op: vanaf maandag/);
    expect(post.text).not.toContain('container');
  });

  it('mounts a post toolbar between the post and its comments', () => {
    const [first] = read(doc());
    const at = facebookAdapter.mountPoint(first!.el)!;
    expect(at.parent).toBe(first!.el.querySelector('.html-div'));
    expect((at.before as Element).querySelector('[role="article"]')).not.toBeNull();
  });

  it('reads the light theme', () => {
    expect(facebookAdapter.theme(doc())).toBe('light');
  });
});

describe('facebook.com: a post’s own page (English UI, dark)', () => {
  it('reads the post, the comment and the Page’s reply the same way as in Dutch', () => {
    const doc = loadPage('facebook/post-en.html', 'https://www.facebook.com/permalink.php?story_fbid=pfbid0Ab12Cd34Ef56Gh78Ij90KlMnOpQrStUvWxYz&id=100064999888777');
    const posts = read(doc).map(({ post }) => post!);
    expect(posts.map((p) => p.caseId)).toEqual(['fb:998877665544332', 'fb:998877665544332/443322110099887', 'fb:998877665544332/667788990011223']);
    expect(posts[0]!.aliases).toEqual(['fb:pfbid0Ab12Cd34Ef56Gh78Ij90KlMnOpQrStUvWxYz']);
    expect(posts[0]!.url).toBe('https://www.facebook.com/permalink.php?story_fbid=pfbid0Ab12Cd34Ef56Gh78Ij90KlMnOpQrStUvWxYz&id=100064999888777');
    expect(posts[1]!.text).toContain(`<script>alert(1)</script> <img src=x onerror="window.pwned=1">`);
    expect(facebookAdapter.theme(doc)).toBe('dark');
  });
});

describe('facebook.com: a group feed', () => {
  it('reads group post ids from /posts/ links and multi_permalinks', () => {
    const doc = loadPage('facebook/group-feed-nl.html', 'https://www.facebook.com/groups/wijzijnnoord');
    const posts = read(doc).map(({ post }) => post!);
    expect(posts.map((p) => [p.caseId, p.url, p.author.name])).toEqual([
      ['fb:3344556677889900', 'https://www.facebook.com/groups/wijzijnnoord/posts/3344556677889900/', 'Kees Bakker'],
      ['fb:4455667788990011', 'https://www.facebook.com/groups/wijzijnnoord/posts/4455667788990011/', 'Anja Visser'],
    ]);
  });
});

describe('facebook.com: the photo viewer (a dialog)', () => {
  it('reads the photo post and its comments, keyed by the photo’s fbid', () => {
    const doc = loadPage('facebook/photo-viewer-nl.html', 'https://www.facebook.com/photo/?fbid=990011223344556&set=a.112233445566');
    const posts = read(doc).map(({ post }) => post!);
    expect(posts.map((p) => [p.caseId, p.url])).toEqual([
      ['fb:990011223344556', 'https://www.facebook.com/photo/?fbid=990011223344556'],
      ['fb:990011223344556/333222111000', 'https://www.facebook.com/photo/?fbid=990011223344556&comment_id=333222111000'],
    ]);
    expect(posts[0]!.text).toMatch(/^Nieuwe containers/);
    expect(posts[1]).toMatchObject({ author: { name: 'Henk Vos' }, text: 'Staat er ook een container voor textiel?' });
  });

  it('ignores other dialogs', () => {
    const doc = loadPage('facebook/photo-viewer-nl.html', 'https://www.facebook.com/');
    doc.body.insertAdjacentHTML('beforeend', '<div role="dialog"><p>Meldingen</p></div>');
    expect(facebookAdapter.accepts(doc.body.lastElementChild!)).toBe(false);
  });
});

describe('facebook.com: the cheap key read', () => {
  it('gives every post and comment on every fixture the id a full read gives, or null where that finds none', () => {
    const pages: Array<[string, string]> = [
      ['facebook/page-feed-nl.html', 'https://www.facebook.com/gemeentevoorbeeld'],
      ['facebook/group-feed-nl.html', 'https://www.facebook.com/groups/wijkvoorbeeld'],
      ['facebook/photo-viewer-nl.html', 'https://www.facebook.com/photo/?fbid=1'],
      ['facebook/post-en.html', 'https://www.facebook.com/gemeentevoorbeeld/posts/1'],
    ];
    let compared = 0;
    for (const [file, url] of pages) {
      for (const { el, post } of read(loadPage(file, url))) {
        expect(readFacebookKey(el), file).toBe(post?.caseId ?? null);
        // The adapter adds the placeholder key of a post whose id is hidden: the same for its key and its read.
        expect(facebookAdapter.readKey(el), file).toBe(facebookAdapter.readPost(el, FIRST_SEEN)?.caseId ?? null);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10);
  });
});
