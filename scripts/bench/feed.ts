/**
 * A Facebook feed for the benchmark: 300 posts with 20 comments each, loaded the way Facebook's infinite
 * scroll does (a few posts per frame), in the markup of the hand-built fixtures (test/fixtures/facebook/).
 */
export const FEED_POSTS = 300;
export const COMMENTS_PER_POST = 20;

export function feedPage(): string {
  return `<!doctype html><html lang="nl" class="__fb-light-mode"><head><meta charset="utf-8"><title>Facebook</title></head>
<body><div role="main"><div role="feed" id="feed"></div></div>
<script>
  const feed = document.getElementById('feed');
  function comment(post, c) {
    const id = 500000000000000 + post * 100 + c;
    return '<li><div role="article" aria-label="Opmerking van Inwoner ' + c + '" tabindex="-1"><div>' +
      '<a href="https://www.facebook.com/inwoner.' + c + '?comment_id=' + id + '" role="link" tabindex="0"><span dir="auto">Inwoner ' + c + '</span></a>' +
      '<div><span dir="auto"><div dir="auto">Vraag ' + c + ' over afval, parkeren en de nieuwe regels in de wijk.</div></span></div>' +
      '<ul><li><div role="button" tabindex="0">Vind ik leuk</div></li><li><div role="button" tabindex="0">Beantwoorden</div></li>' +
      '<li><a href="https://www.facebook.com/gemeentevoorbeeld/posts/' + (800000000000000 + post) + '?comment_id=' + id + '&amp;__cft__[0]=AZ" role="link" tabindex="0"><span>1 u</span></a></li></ul></div></div></li>';
  }
  function post(p) {
    let comments = '';
    for (let c = 0; c < ${COMMENTS_PER_POST}; c++) comments += comment(p, c);
    return '<div aria-posinset="' + (p + 1) + '" aria-setsize="-1"><div>' +
      '<span data-ad-rendering-role="profile_name"><a href="https://www.facebook.com/gemeentevoorbeeld" role="link"><span>Gemeente Voorbeeld</span></a></span>' +
      '<span><a href="https://www.facebook.com/gemeentevoorbeeld/posts/' + (800000000000000 + p) + '?__cft__[0]=AZ&amp;__tn__=%2CO%2CP-R" role="link"><span>3 u</span></a></span>' +
      '<div data-ad-rendering-role="story_message"><div dir="auto">Bericht ' + p + ' van de gemeente over de afvalinzameling.</div></div>' +
      '<div><div role="button" tabindex="0">Vind ik leuk</div><div role="button" tabindex="0">Opmerking plaatsen</div></div>' +
      '<div><ul class="comments">' + comments + '</ul></div></div></div>';
  }
  let next = 0;
  function add(count) {
    const tpl = document.createElement('template');
    let html = '';
    for (let k = 0; k < count && next < ${FEED_POSTS}; k++) html += post(next++);
    tpl.innerHTML = html;
    feed.append(tpl.content);
  }
  add(3);
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
