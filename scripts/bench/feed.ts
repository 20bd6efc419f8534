/**
 * A Facebook feed for the benchmark: 300 posts with 5 comments each, loaded the way Facebook's infinite scroll
 * does (a few posts per frame), built from the realistic fixture shapes (test/fixtures/facebook/shapes.ts): a
 * post is 280–420 elements with its comments, a comment 57, as in real captures. The posts take turns in the
 * three shapes seen: 2022 (the unit is the article, numbered link, English), 2024 (pfbid link, the comments'
 * base64 ids name the post by number, Dutch) and 2025 (no role="article", the time link empty until hovered,
 * the photo set names the post, Dutch).
 */
import { commentItem, post, type CommentSpec, type Lang } from '../../test/fixtures/facebook/shapes';

export const FEED_POSTS = 300;
export const COMMENTS_PER_POST = 5;

const FB = 'https://www.facebook.com';

function feedPost(p: number): string {
  const shape = p % 3;
  const lang: Lang = shape === 0 ? 'en' : 'nl';
  const number = String(800000000000000 + p);
  const pfbid = `pfbid0${String(p).padStart(6, '0')}AbCdEfGhIjKlMnOpQrStUvWxYz123456789`;
  const postHref = shape === 0 ? `${FB}/gemeentevoorbeeld/posts/${number}/` : shape === 1 ? `${FB}/gemeentevoorbeeld/posts/${pfbid}` : `${FB}/groups/wijknoord/posts/${number}/`;
  const comments = Array.from({ length: COMMENTS_PER_POST }, (_, c) => {
    const spec: CommentSpec = {
      author: `Inwoner ${c}`,
      profile: `${FB}/inwoner.${c}`,
      postNumber: number,
      commentId: String(500000000000000 + p * 100 + c),
      timeHref: postHref,
      ago: lang === 'en' ? `${c + 1} hours ago` : `${c + 1} uur geleden`,
      agoShort: lang === 'en' ? `${c + 1}h` : `${c + 1} u`,
      text: `Vraag ${c} over afval, parkeren en de nieuwe regels in de wijk.`,
    };
    return commentItem(spec, lang);
  });
  return post({
    lang,
    unit: shape === 2 ? 'plain' : 'article',
    position: p + 1,
    author: 'Gemeente Voorbeeld',
    authorHref: `${FB}/gemeentevoorbeeld`,
    time:
      shape === 2
        ? { href: `${FB}/?__cft__[0]=AZ${p}&amp;__tn__=%2CO%2CP-R`, text: '3 u', scrambled: true }
        : { href: `${postHref}?__cft__[0]=AZ${p}&amp;__tn__=%2CO%2CP-R`, label: lang === 'en' ? 'Tuesday, December 1, 2026 at 2:05 PM' : '1 december 2026 om 14:05', text: '1 dec.' },
    message: `Bericht ${p} van de gemeente over de afvalinzameling.`,
    ...(shape === 2 ? { photoHref: `${FB}/photo/?fbid=${900000000000000 + p}&amp;set=gm.${number}&amp;__cft__[0]=AZ` } : {}),
    comments,
  });
}

export function feedPage(): string {
  const posts = Array.from({ length: FEED_POSTS }, (_, p) => feedPost(p));
  return `<!doctype html><html lang="nl" class="__fb-light-mode"><head><meta charset="utf-8"><title>Facebook</title></head>
<body><div role="main"><div role="feed" id="feed"></div></div>
<script>
  const feed = document.getElementById('feed');
  const posts = ${JSON.stringify(posts).replace(/</g, '\\u003c')};
  let next = 0;
  function add(count) {
    const tpl = document.createElement('template');
    let html = '';
    for (let k = 0; k < count && next < posts.length; k++) html += posts[next++];
    tpl.innerHTML = html;
    feed.append(tpl.content);
  }
  add(6); // the first screenful: 36 posts and comments (the bench waits for 30 toolbars)
  window.benchScroll = (step, until) => new Promise((done) => {
    function frame() {
      if (next >= until) return done(next);
      add(step);
      window.scrollTo(0, document.body.scrollHeight);
      requestAnimationFrame(frame);
    }
    requestAnimationFrame(frame);
  });
</script></body></html>`;
}
