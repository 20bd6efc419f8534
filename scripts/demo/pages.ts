/**
 * The offline demo that `npm start` shows: a municipality's X timeline and Facebook Page, served at the real
 * https://x.com/… and https://www.facebook.com/… URLs. The markup follows the structure of the real sites
 * (see test/fixtures/ and the selectors in src/sites/), with plain styles so a new user can read it. All
 * people and posts are invented.
 */

interface DemoTweet {
  id: string;
  name: string;
  handle: string;
  minutesAgo: number;
  text: string;
}

interface DemoComment {
  id: string;
  name: string;
  profile: string;
  text: string;
  replies?: DemoComment[];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const DEMO_TWEETS: DemoTweet[] = [
  { id: '1790000000000000101', name: 'Marieke de Vries', handle: 'mariekedv', minutesAgo: 12, text: 'Hoi @gemeentevoorbeeld, onze grijze container is vandaag niet geleegd (Dorpsstraat). Komen jullie nog langs?' },
  { id: '1790000000000000102', name: 'Ahmed Yilmaz', handle: 'ahmedy', minutesAgo: 48, text: 'Wanneer kan ik een afspraak maken voor een nieuw paspoort? Online zie ik pas plek over 6 weken 😕' },
  { id: '1790000000000000103', name: 'Sanne Bakker', handle: 'sannebakker', minutesAgo: 95, text: 'Al drie dagen kapotte straatverlichting op de Molenweg, het is echt donker voor de kinderen die naar school fietsen.' },
  { id: '1790000000000000104', name: 'Gemeente Voorbeeld', handle: 'gemeentevoorbeeld', minutesAgo: 130, text: 'Vanaf maandag wordt het gft-afval op dinsdag opgehaald. Bekijk de afvalkalender in de app.' },
];

function tweet(t: DemoTweet, now: number): string {
  const time = new Date(now - t.minutesAgo * 60_000).toISOString();
  return `<div data-testid="cellInnerDiv"><article role="article" tabindex="0" data-testid="tweet" class="tweet">
  <div class="avatar" aria-hidden="true">${esc(t.name.slice(0, 1))}</div>
  <div class="body">
    <div data-testid="User-Name" class="user"><a href="/${t.handle}" role="link"><span class="name">${esc(t.name)}</span></a>
      <a href="/${t.handle}" role="link" tabindex="-1"><span class="handle">@${t.handle}</span></a> ·
      <a href="/${t.handle}/status/${t.id}" role="link"><time datetime="${time}">${t.minutesAgo} min</time></a></div>
    <div dir="auto" data-testid="tweetText" class="text"><span>${esc(t.text)}</span></div>
    <div role="group" class="actions" aria-label="Acties">
      <button type="button" data-testid="reply" aria-label="Beantwoorden">↩</button>
      <button type="button" data-testid="retweet" aria-label="Reposten">⟲</button>
      <button type="button" data-testid="like" aria-label="Vind ik leuk">♡</button>
      <a href="/${t.handle}/status/${t.id}/analytics" aria-label="Weergaven">▥</a>
    </div>
  </div>
</article></div>`;
}

export function xDemoPage(now = Date.now()): string {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Home / X</title><style>
body{margin:0;background-color:rgb(255,255,255);font:15px/1.4 system-ui,sans-serif;color:#0f1419}
.layout{display:flex;justify-content:center}.nav{width:220px;padding:16px;border-right:1px solid #eff3f4}
.nav a{display:block;padding:8px 0;color:#0f1419;text-decoration:none;font-weight:600}
main{width:600px;border-right:1px solid #eff3f4}h1{font-size:20px;padding:12px 16px;margin:0;border-bottom:1px solid #eff3f4}
.tweet{display:flex;gap:12px;padding:12px 16px;border-bottom:1px solid #eff3f4}.avatar{width:40px;height:40px;border-radius:50%;background:#1d9bf0;color:#fff;display:grid;place-items:center;font-weight:700;flex:none}
.body{flex:1;min-width:0}.user a{color:#0f1419;text-decoration:none}.name{font-weight:700}.handle,.user time{color:#536471}
.actions{display:flex;gap:40px;margin-top:6px}.actions button,.actions a{background:none;border:0;font-size:14px;cursor:pointer;text-decoration:none}
.notice{padding:8px 16px;background:#f7f9f9;color:#536471;font-size:13px}
</style></head><body style="background-color: rgb(255, 255, 255);">
<div class="layout"><nav class="nav" aria-label="Primair"><a href="/home">Home</a><a href="/notifications">Meldingen</a>
<a href="/gemeentevoorbeeld" data-testid="AppTabBar_Profile_Link">Profiel</a></nav>
<main role="main"><h1>Home</h1><p class="notice">Offline demo van Loket — dit is niet de echte x.com.</p>
<section aria-label="Tijdlijn"><div>${DEMO_TWEETS.map((t) => tweet(t, now)).join('\n')}</div></section></main></div>
</body></html>`;
}

const FB_POST = 'pfbid02DemoPostAbCdEfGhIjKlMnOpQrStUvWxYz0123';
export const DEMO_COMMENTS: DemoComment[] = [
  {
    id: '801000000000001',
    name: 'Jan Jansen',
    profile: 'jan.jansen.demo',
    text: 'Geldt dit ook voor de Kerkstraat? Daar is de container vorige week ook al vergeten.',
    replies: [{ id: '801000000000002', name: 'Piet de Boer', profile: 'piet.deboer.demo', text: 'Bij ons ook, Dorpsstraat even nummers.' }],
  },
  { id: '801000000000003', name: 'Fatima El Amrani', profile: 'fatima.demo', text: 'Hoe vraag ik een extra gft-container aan? Wij zijn met zes personen.' },
];

function comment(c: DemoComment, kind: 'Opmerking' | 'Antwoord', parent?: DemoComment): string {
  const params = parent ? `comment_id=${parent.id}&amp;reply_comment_id=${c.id}` : `comment_id=${c.id}`;
  return `<li><div role="article" aria-label="${kind} van ${esc(c.name)}" tabindex="-1" class="comment">
  <a href="https://www.facebook.com/${c.profile}" role="link" class="cname"><span dir="auto">${esc(c.name)}</span></a>
  <div dir="auto" class="ctext">${esc(c.text)}</div>
  <a href="https://www.facebook.com/gemeentevoorbeeld/posts/${FB_POST}?${params}&amp;__cft__[0]=AZdemo&amp;__tn__=R%5D-R" role="link" class="ctime"><span>1 u</span></a>
</div>${c.replies?.length ? `<ul class="replies">${c.replies.map((r) => comment(r, 'Antwoord', c)).join('')}</ul>` : ''}</li>`;
}

export function facebookDemoPage(): string {
  return `<!doctype html><html lang="nl" class="__fb-light-mode"><head><meta charset="utf-8"><title>Gemeente Voorbeeld | Facebook</title><style>
body{margin:0;background:#f0f2f5;font:15px/1.35 system-ui,sans-serif;color:#050505}
header{background:#fff;padding:10px 16px;box-shadow:0 1px 2px rgba(0,0,0,.1);font-weight:700;color:#0866ff;font-size:22px}
main{max-width:680px;margin:16px auto}.post{background:#fff;border-radius:8px;box-shadow:0 1px 2px rgba(0,0,0,.2);padding:12px 16px;margin-bottom:16px}
.post a{color:#050505;text-decoration:none}.author{font-weight:600}.time{color:#65676b;font-size:13px}
.message{margin:8px 0}.bar{display:flex;gap:8px;border-top:1px solid #ced0d4;border-bottom:1px solid #ced0d4;padding:4px 0;margin:8px 0}
.bar div{flex:1;text-align:center;color:#65676b;font-weight:600;padding:6px}
ul{list-style:none;margin:0;padding:0}.comment{background:#f0f2f5;border-radius:18px;padding:8px 12px;margin:6px 0;display:inline-block;max-width:100%}
.cname{font-weight:600;font-size:13px}.ctime{font-size:12px;color:#65676b}.replies{margin-left:40px}
.box{background:#f0f2f5;border-radius:18px;padding:8px 12px;color:#65676b;margin-top:8px}
.notice{color:#65676b;font-size:13px;margin:0 0 12px}
</style></head><body>
<header>facebook</header>
<main role="main"><p class="notice">Offline demo van Loket — dit is niet de echte facebook.com.</p>
<div role="feed">
<div aria-posinset="1" aria-setsize="-1" class="post"><div>
  <span data-ad-rendering-role="profile_name" class="author"><a href="https://www.facebook.com/gemeentevoorbeeld" role="link">Gemeente Voorbeeld</a></span>
  <div class="time"><a href="https://www.facebook.com/gemeentevoorbeeld/posts/${FB_POST}?__cft__[0]=AZdemo&amp;__tn__=%2CO%2CP-R" role="link"><span>3 u</span></a></div>
  <div data-ad-rendering-role="story_message" class="message"><div dir="auto">Let op: vanaf maandag wordt het gft-afval op dinsdag opgehaald in plaats van woensdag. Vragen? Stel ze hieronder.</div></div>
  <div class="bar"><div role="button" tabindex="0">Vind ik leuk</div><div role="button" tabindex="0">Opmerking plaatsen</div><div role="button" tabindex="0">Delen</div></div>
  <div class="comments"><ul>${DEMO_COMMENTS.map((c) => comment(c, 'Opmerking')).join('')}</ul>
  </div>
</div></div>
</div></main></body></html>`;
}
