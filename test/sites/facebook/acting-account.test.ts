import { describe, expect, it } from 'vitest';
import { facebookAdapter } from '../../../src/sites/facebook/adapter';
import { FB } from '../../../src/sites/facebook/selectors';
import { loadPage } from '../../support/fixtures';

describe('whom the agent comments as on Facebook', () => {
  it('reads the name from a comment box that says it (Dutch and English UI)', () => {
    let doc = loadPage('facebook/photo-viewer-nl.html', 'https://www.facebook.com/photo/?fbid=990011223344556&set=a.112233445566');
    expect(facebookAdapter.actingAccount!(doc)).toEqual({ name: 'Gemeente Voorbeeld' });
    expect(facebookAdapter.actingAccount!(doc, doc.querySelector(FB.commentBox))).toEqual({ name: 'Gemeente Voorbeeld' });
    doc = loadPage('facebook/post-en.html', 'https://www.facebook.com/permalink.php?story_fbid=x');
    expect(facebookAdapter.actingAccount!(doc, doc.querySelector(FB.commentBox))).toEqual({ name: 'Town of Example' });
  });

  it('knows nobody from a box that does not say whom it posts as', () => {
    const doc = loadPage('facebook/page-feed-nl.html', 'https://www.facebook.com/gemeentevoorbeeld');
    expect(facebookAdapter.actingAccount!(doc)).toBeNull();
    expect(facebookAdapter.actingAccount!(doc, doc.querySelector(FB.commentBox))).toBeNull();
  });

  it('reads the editor it is given, not another box on the page', () => {
    document.body.innerHTML = `
      <div contenteditable="true" role="textbox" data-lexical-editor="true" aria-placeholder="Reageren als Gemeente Voorbeeld"></div>
      <div id="mine" contenteditable="true" role="textbox" data-lexical-editor="true" aria-label="Comment as Piet Persoonlijk…"></div>`;
    expect(facebookAdapter.actingAccount!(document, document.getElementById('mine'))).toEqual({ name: 'Piet Persoonlijk' });
  });
});
