import { describe, expect, it } from 'vitest';
import type { PostRef } from '../../../src/domain/post-ref';
import { xAdapter } from '../../../src/sites/x/adapter';
import { X } from '../../../src/sites/x/selectors';
import { loadPage } from '../../support/fixtures';

function posts(): Map<string, PostRef | null> {
  const doc = loadPage('x/x-variants-nl.html', 'https://x.com/home');
  const out = new Map<string, PostRef | null>();
  for (const a of doc.querySelectorAll(X.tweet)) {
    const link = a.querySelector('a[href*="/status/"] time')!.closest('a')!.getAttribute('href')!;
    out.set(link.split('/').pop()!, xAdapter.accepts(a) ? xAdapter.readPost(a, 0) : null);
  }
  return out;
}

describe('x.com: hand-made variants (Dutch UI, dim theme)', () => {
  const all = posts();
  const get = (id: string) => all.get(`1790000000000000${id}`);

  it('reads a plain tweet with its emoji', () => {
    expect(get('201')).toMatchObject({
      caseId: 'x:1790000000000000201',
      author: { name: 'Marieke de Vries', handle: '@mariekedv' },
      text: 'Hoi @gemeentevoorbeeld, onze grijze container is vandaag niet geleegd 🗑️ (Dorpsstraat)',
      postedAt: Date.parse('2026-11-20T08:15:00.000Z'),
      isOwn: false,
    });
  });

  it('marks a repost', () => expect(get('202')).toMatchObject({ isRepost: true }));

  it('reads a quote tweet as itself, without the quoted text', () => {
    expect(get('203')!.text).toBe('Kijk eens wat de gemeente schrijft, klopt dit wel?');
    expect([...all.values()].some((p) => p?.caseId === 'x:1790000000000000299')).toBe(false);
  });

  it('reads who a reply answers, from structure not words', () => {
    expect(get('204')).toMatchObject({ isReply: true, inReplyTo: '@sannebakker' });
    expect(get('201')!.isReply).toBeUndefined();
  });

  it('skips the promoted tweet', () => expect(get('205')).toBeNull());

  it('keeps a media-only tweet, with empty text', () => expect(get('206')).toMatchObject({ text: '' }));

  it('reads the visible part of a long tweet', () => expect(get('207')!.text.length).toBe(2000));

  it('reads right-to-left text and names as they are', () => {
    expect(get('208')).toMatchObject({ author: { name: 'ياسمين' }, text: 'متى يتم جمع النفايات في حيّنا؟' });
  });

  it('reads hostile text as plain text, all 10 000 characters of it', () => {
    const p = get('209')!;
    expect(p.author.name).toBe('<img src=x onerror=alert(1)>');
    expect(p.text.startsWith('<img src=x onerror="window.pwned=1"> </script><script>window.pwned=2</script>')).toBe(true);
    expect(p.text.length).toBeGreaterThan(10_000);
  });

  it('knows the municipality’s own reply', () => {
    expect(get('210')).toMatchObject({ isOwn: true, isReply: true, inReplyTo: '@sannebakker' });
  });

  it('reads a tweet with English labels the same way', () => {
    expect(get('211')).toMatchObject({ author: { name: 'Sam Peters', handle: '@english' }, text: 'When is the town hall open on Saturday?' });
  });

  it('reads the dim theme', () => {
    expect(xAdapter.theme(document)).toBe('dim');
  });
});
