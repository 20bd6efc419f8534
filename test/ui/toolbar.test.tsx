import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { Case } from '../../src/domain/case';
import { caseIdFor } from '../../src/domain/case-id';
import type { PostRef } from '../../src/domain/post-ref';
import { Toolbar, type ToolbarProps } from '../../src/ui/toolbar';

const hostile = '<img src=x onerror="window.pwned=1">';
const post: PostRef = {
  caseId: caseIdFor('x', '5'),
  site: 'x',
  url: 'https://x.com/a/status/5',
  author: { name: hostile, handle: '@a' },
  text: hostile,
  postedAt: 0,
  postedAtSource: 'page',
};

function mount(props: Partial<ToolbarProps>) {
  const root = document.createElement('div');
  document.body.append(root);
  const all: ToolbarProps = {
    post,
    caseState: undefined,
    loaded: true,
    theme: 'light',
    busy: false,
    panel: 'none',
    tags: undefined,
    templates: undefined,
    renderTemplate: (tpl) => ({ text: tpl.body, problems: [] }),
    onTrack: vi.fn(),
    onStatus: vi.fn(),
    onPanel: vi.fn(),
    onToggleTag: vi.fn(),
    onHandover: vi.fn(),
    onNoReply: vi.fn(),
    onNote: vi.fn(),
    me: '',
    onTake: vi.fn(),
    onInsert: vi.fn(),
    ...props,
  };
  render(<Toolbar {...all} />, root);
  return { root, props: all };
}

describe('the in-page toolbar', () => {
  it('offers "no reply needed" as a menu of reasons, chosen by keyboard or click', async () => {
    const c = { id: post.caseId, status: 'new', tags: [] } as unknown as Case;
    const closed = mount({ caseState: { ...c, status: 'closed' } as Case });
    expect(closed.root.querySelector('[data-lk="no-reply-open"]')).toBeNull();
    const { root, props } = mount({ caseState: c });
    const button = root.querySelector<HTMLButtonElement>('[data-lk="no-reply-open"]')!;
    expect(button.textContent).toBe('Geen reactie nodig');
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    button.click();
    expect(props.onPanel).toHaveBeenCalledWith('noReply');
    const open = mount({ caseState: c, panel: 'noReply' });
    const menu = open.root.querySelector<HTMLElement>('[role="menu"]')!;
    expect([...menu.querySelectorAll('[role="menuitem"]')].map((i) => i.textContent)).toEqual(['Bedankje', 'Spam', 'Niet voor ons', 'Elders beantwoord']);
    menu.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await new Promise((r) => setTimeout(r, 0)); // Preact draws the moved highlight
    expect(menu.getAttribute('aria-activedescendant')).toBe(menu.querySelectorAll('[role="menuitem"]')[1]!.id);
    menu.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(open.props.onNoReply).toHaveBeenCalledWith('spam');
    open.root.querySelector<HTMLElement>('[data-value="off_topic"]')!.click();
    expect(open.props.onNoReply).toHaveBeenLastCalledWith('off_topic');
  });

  it('offers to create a case for an untracked post', () => {
    const { root, props } = mount({});
    expect(root.textContent).toContain('Geen zaak');
    root.querySelector<HTMLButtonElement>('[data-lk="track"]')!.click();
    expect(props.onTrack).toHaveBeenCalledOnce();
  });

  it('shows the status of a tracked case and changes it', () => {
    const c = { id: post.caseId, status: 'in_progress', tags: ['afval'] } as unknown as Case;
    const { root, props } = mount({ caseState: c });
    const select = root.querySelector<HTMLSelectElement>('[data-lk="status"]')!;
    expect(select.value).toBe('in_progress');
    expect(root.querySelector('label')!.textContent).toContain('Status');
    expect(root.textContent).toContain('afval');
    select.value = 'closed';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(props.onStatus).toHaveBeenCalledWith('closed');
  });

  it('lets the agent take a case, and shows whose it is', () => {
    const c = { id: post.caseId, status: 'new', tags: [] } as unknown as Case;
    const { root, props } = mount({ caseState: c, me: 'Anna' });
    root.querySelector<HTMLButtonElement>('[data-lk="take"]')!.click();
    expect(props.onTake).toHaveBeenCalledOnce();
    expect(mount({ caseState: { ...c, assignee: 'Anna' }, me: 'Anna' }).root.querySelector('[data-lk="assignee"]')!.textContent).toBe('Bij mij');
    expect(mount({ caseState: { ...c, assignee: 'Bram' }, me: 'Anna' }).root.querySelector('[data-lk="assignee"]')!.textContent).toBe('Bram beantwoordt dit');
    expect(mount({ caseState: c, me: '' }).root.querySelector('[data-lk="take"]')).toBeNull();
  });

  it('renders hostile names as text, never as HTML', () => {
    const { root } = mount({});
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('[role="group"]')!.getAttribute('aria-label')).toContain(hostile);
  });

  it('says plainly when something failed', () => {
    const { root } = mount({ notice: { kind: 'error', text: 'Het antwoordvak nam de tekst niet aan.' } });
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('Het antwoordvak nam de tekst niet aan.');
  });

  it('picks a template with the keyboard and warns about empty variables', async () => {
    const templates = [
      { id: 'a', title: 'Naar DM', body: 'Hoi {{voornaam}}, stuur een DM', category: 'Algemeen', language: 'nl', sites: ['x'], scope: 'team', usageCount: 0, order: 0 },
      { id: 'b', title: 'Afval', body: 'Container', category: 'Afval', language: 'nl', sites: ['x'], scope: 'team', usageCount: 0, order: 0 },
    ] as const;
    const { root, props } = mount({
      panel: 'templates',
      templates: templates.map((tpl) => ({ ...tpl, sites: [...tpl.sites] })),
      renderTemplate: (tpl) => (tpl.id === 'a' ? { text: tpl.body, problems: [{ kind: 'empty', variable: 'voornaam' }] } : { text: tpl.body, problems: [] }),
    });
    const input = root.querySelector<HTMLInputElement>('[data-lk="template-search"]')!;
    expect(root.querySelectorAll('[role="option"]')).toHaveLength(2);
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('{{voornaam}} is leeg');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    expect(root.querySelector('[aria-selected="true"]')!.textContent).toContain('Afval');
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(props.onInsert).toHaveBeenCalledWith(expect.objectContaining({ id: 'b' }), {}, false);
  });

  it('shows the municipality’s own posts as such, without a case button', () => {
    const { root } = mount({ post: { ...post, isOwn: true } });
    expect(root.textContent).toContain('Eigen bericht');
    expect(root.querySelector('[data-lk="track"]')).toBeNull();
  });
});
