/**
 * A 1 000-tweet x.com timeline for the benchmark, virtualised the way X's is: the page keeps about 40 rows
 * in the DOM and swaps rows in and out as it scrolls. Rows are copies of the real rows of a captured home
 * timeline (test/fixtures/x/x-home-rich.html), each with its own status id. The capture carries no
 * stylesheet; the page adds the one rule of X's that decides where Loket's mark goes — the action bar is a
 * flex row — so the page is as tall as X's would be, with Loket or without.
 *
 * `keepAll`: the variant that keeps every row in the DOM (as Facebook's feed does), scrolled to the end.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const TIMELINE_TWEETS = 1_000;

export const X_ACTION_BAR_CSS = '[role="group"] { display: flex; flex-direction: row; align-items: center; justify-content: space-between; }';

export function timelinePage(root: string, keepAll = false): string {
  const capture = readFileSync(join(root, 'test', 'fixtures', 'x', 'x-home-rich.html'), 'utf8');
  const rows = [...capture.matchAll(/<div data-testid="cellInnerDiv">[\s\S]*?<\/article>(?:<\/div>)+/g)]
    .map((m) => m[0])
    .filter((row) => !row.includes('<div data-testid="placementTracking"><article'));
  const head = capture.slice(0, capture.indexOf('<body'));
  const profile = /<a [^>]*data-testid="AppTabBar_Profile_Link"[^>]*><\/a>|<a [^>]*data-testid="AppTabBar_Profile_Link"[^>]*>/.exec(capture)?.[0] ?? '';
  return `${head.replace('</head>', `<style>${X_ACTION_BAR_CSS}</style></head>`)}<body style="background-color: rgb(255, 255, 255);">
<nav>${profile}</a></nav>
<main role="main"><section aria-label="Timeline"><div id="timeline" style="position:relative"></div></section></main>
<script type="application/json" id="rows">${JSON.stringify(rows).replace(/</g, '\\u003c')}</script>
<script>
  // X-like virtualisation: a window of rows; scrolling replaces rows, it never grows the DOM without bound.
  const rows = JSON.parse(document.getElementById('rows').textContent);
  const timeline = document.getElementById('timeline');
  const WINDOW = ${keepAll ? 'Infinity' : '40'};
  let next = 0;
  function rowHtml(i) {
    const id = String(1800000000000000000n + BigInt(i));
    return rows[i % rows.length].replace(/\\/status\\/\\d+/g, '/status/' + id);
  }
  function add(count) {
    const tpl = document.createElement('template');
    let html = '';
    for (let k = 0; k < count && next < ${TIMELINE_TWEETS}; k++) html += rowHtml(next++);
    tpl.innerHTML = html;
    timeline.append(tpl.content);
    while (timeline.children.length > WINDOW) timeline.firstElementChild.remove();
  }
  add(WINDOW);
  window.benchScroll = (step, until) => new Promise((done) => {
    function frame() {
      if (next >= until) return done(next);
      add(step);
      ${keepAll ? 'document.scrollingElement.scrollTop = document.scrollingElement.scrollHeight;' : ''}
      requestAnimationFrame(frame);
    }
    requestAnimationFrame(frame);
  });
</script>
</body></html>`;
}
