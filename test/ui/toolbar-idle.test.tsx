import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { caseIdFor } from '../../src/domain/case-id';
import type { PostRef } from '../../src/domain/post-ref';
import { t } from '../../src/ui/i18n';
import { Toolbar } from '../../src/ui/toolbar';
import { idleToolbar, updateIdleToolbar } from '../../src/ui/toolbar-idle';

/** Serialises elements with sorted attributes, so attribute order does not count. */
function shape(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  const el = node as Element;
  const attrs = [...el.attributes].map((a) => `${a.name}="${a.value}"`).sort().join(' ');
  return `<${el.tagName.toLowerCase()} ${attrs}>${[...el.childNodes].map(shape).join('')}</${el.tagName.toLowerCase()}>`;
}

const post: PostRef = { caseId: caseIdFor('x', '1'), site: 'x', url: 'https://x.com/a/status/1', author: { name: 'Jan <b>', handle: '@jan' }, text: '', postedAt: 0, postedAtSource: 'page' };

function preactShape(p: PostRef): string {
  const root = document.createElement('div');
  render(
    <Toolbar
      post={p}
      caseState={undefined}
      loaded={true}
      theme="dim"
      busy={false}
      panel="none"
      tags={undefined}
      templates={undefined}
      renderTemplate={(tpl) => ({ text: tpl.body, problems: [] })}
      onTrack={vi.fn()}
      onStatus={vi.fn()}
      onPanel={vi.fn()}
      onToggleTag={vi.fn()}
      onHandover={vi.fn()}
      onNote={vi.fn()}
      me=""
      onTake={vi.fn()}
      onInsert={vi.fn()}
    />,
    root,
  );
  return shape(root.firstElementChild!);
}

describe('the idle toolbar', () => {
  it('has exactly the markup of the Toolbar component for a post without a case', () => {
    const idle = idleToolbar({ theme: 'dim', label: t('toolbarLabel', 'Jan <b>'), loaded: true, own: false });
    expect(shape(idle)).toBe(preactShape(post));
  });

  it('has exactly the markup of the Toolbar component for the municipality’s own post', () => {
    const idle = idleToolbar({ theme: 'dim', label: t('toolbarLabel', 'Jan <b>'), loaded: true, own: true });
    expect(shape(idle)).toBe(preactShape({ ...post, isOwn: true }));
  });

  it('puts names in as text', () => {
    const idle = idleToolbar({ theme: 'light', label: t('toolbarLabel', '<img src=x onerror=alert(1)>'), loaded: true, own: false });
    expect(idle.querySelector('img')).toBeNull();
    expect(idle.getAttribute('aria-label')).toContain('<img src=x onerror=alert(1)>');
  });

  it('turns "loading" into the finished toolbar in place, the same markup as one drawn finished', () => {
    const label = t('toolbarLabel', 'Jan <b>');
    const idle = idleToolbar({ theme: 'light', label, loaded: false, own: false });
    const track = idle.querySelector('[data-lk="track"]');
    expect(idle.querySelector<HTMLButtonElement>('[data-lk="track"]')!.disabled).toBe(true);
    expect(updateIdleToolbar(idle, { theme: 'dim', label, loaded: true, own: false })).toBe(true);
    expect(idle.querySelector('[data-lk="track"]')).toBe(track); // the same element: focus and listeners stay
    expect(shape(idle)).toBe(preactShape(post));
  });

  it('says when the other shape is needed (a post that turns out to be the municipality’s own)', () => {
    const idle = idleToolbar({ theme: 'light', label: 'x', loaded: false, own: false });
    expect(updateIdleToolbar(idle, { theme: 'light', label: 'x', loaded: true, own: true })).toBe(false);
    const own = idleToolbar({ theme: 'light', label: 'x', loaded: true, own: true });
    expect(updateIdleToolbar(own, { theme: 'light', label: 'x', loaded: true, own: false })).toBe(false);
  });
});
