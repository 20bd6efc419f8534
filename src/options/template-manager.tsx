/**
 * The template library on the options page: grouped by category in the agent's order, with edit,
 * duplicate, delete (after a confirmation), reorder (templates within a category, and whole categories),
 * import and export. The team set and the agent's personal templates are kept apart in export and import.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { SITES, siteLabel } from '../domain/site';
import type { Template } from '../domain/template';
import { exportTemplates } from '../domain/template-file';
import { onPush, send } from '../protocol/client';
import type { Settings } from '../protocol/messages';
import type { TemplateDraft } from '../storage/template-store';
import { download, fileStamp } from '../ui/download';
import { t } from '../ui/i18n';
import { TemplateEditor } from './template-editor';
import { TemplateImport } from './template-import';

interface Group {
  category: string;
  templates: Template[];
}

export function groupByCategory(templates: readonly Template[]): Group[] {
  const groups = new Map<string, Template[]>();
  for (const tpl of templates) {
    const list = groups.get(tpl.category) ?? [];
    list.push(tpl);
    groups.set(tpl.category, list);
  }
  return [...groups].map(([category, list]) => ({ category, templates: list }));
}

/** The ids in their new order after moving one template within its category, or a whole category. */
export function moved(groups: Group[], what: { template: string } | { category: string }, delta: -1 | 1): string[] {
  const next = groups.map((g) => ({ ...g, templates: [...g.templates] }));
  if ('category' in what) {
    const i = next.findIndex((g) => g.category === what.category);
    const j = i + delta;
    if (i >= 0 && j >= 0 && j < next.length) [next[i], next[j]] = [next[j]!, next[i]!];
  } else {
    for (const g of next) {
      const i = g.templates.findIndex((x) => x.id === what.template);
      const j = i + delta;
      if (i >= 0 && j >= 0 && j < g.templates.length) [g.templates[i], g.templates[j]] = [g.templates[j]!, g.templates[i]!];
    }
  }
  return next.flatMap((g) => g.templates.map((x) => x.id));
}

const newId = () => `own:${crypto.randomUUID()}`;

function draftOf(tpl: Template): TemplateDraft {
  const { usageCount: _u, lastUsedAt: _l, updatedAt: _d, ...draft } = tpl;
  return draft;
}

export function TemplateManager({ settings }: { settings: Settings }) {
  const [templates, setTemplates] = useState<Template[] | undefined>(undefined);
  const [editing, setEditing] = useState<{ draft: TemplateDraft; isNew: boolean } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [shortcut, setShortcut] = useState<string | undefined>(undefined);

  useEffect(() => {
    const lifetime = new AbortController();
    const load = () => send('templates/list', {}).then(setTemplates, (e: unknown) => setStatus(t('errorPrefix', String(e))));
    void load();
    onPush({ 'templates/changed': () => void load() }, lifetime.signal);
    browser.commands.getAll().then(
      (all) => setShortcut(all.find((c) => c.name === 'open-templates')?.shortcut ?? ''),
      () => undefined,
    );
    return () => lifetime.abort();
  }, []);

  const groups = useMemo(() => groupByCategory(templates ?? []), [templates]);
  if (templates === undefined) return <p>{status || t('popupLoading')}</p>;

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      setStatus(done);
    } catch (error) {
      setStatus(t('errorPrefix', error instanceof Error ? error.message : String(error)));
    }
  };
  const reorder = (ids: string[]) => act(() => send('templates/reorder', { ids }).then(setTemplates), t('templatesReordered'));
  const save = async (draft: TemplateDraft) => {
    await send('template/save', { template: { ...draft, title: draft.title.trim(), ...(draft.shortcut ? { shortcut: draft.shortcut.trim() } : {}) } });
    setEditing(null);
    setStatus(t('templateSaved', draft.title));
  };
  const exportScope = (scope: Template['scope']) =>
    download(
      `loket-sjablonen-${scope === 'team' ? 'team' : 'persoonlijk'}-${fileStamp()}.json`,
      'application/json',
      exportTemplates(templates.filter((x) => x.scope === scope), scope, Date.now()),
    );

  return (
    <section aria-labelledby="templates-heading" data-testid="template-manager">
      <h2 id="templates-heading">{t('templatesHeading')}</h2>
      <p class="muted">
        {t('templatesIntro')}{' '}
        {shortcut !== undefined && (shortcut ? t('templatesShortcutIs', shortcut) : t('templatesShortcutNone'))}
      </p>
      <div class="row-actions">
        <button
          type="button"
          class="primary"
          onClick={() =>
            setEditing({
              isNew: true,
              draft: { id: newId(), title: '', body: '', category: groups[0]?.category ?? 'Algemeen', language: 'nl', sites: [...SITES], scope: 'personal' },
            })
          }
        >
          {t('templateNew')}
        </button>
        <button type="button" onClick={() => exportScope('team')}>
          {t('exportTeam')}
        </button>
        <button type="button" onClick={() => exportScope('personal')}>
          {t('exportPersonal')}
        </button>
      </div>
      <TemplateImport current={templates} />
      <p role="status" class="muted" data-testid="templates-status">
        {status}
      </p>
      {editing && (
        <TemplateEditor
          key={editing.draft.id}
          draft={editing.draft}
          isNew={editing.isNew}
          categories={groups.map((g) => g.category)}
          settings={settings}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}
      {groups.map((group, gi) => (
        <section class="template-group" key={group.category} aria-labelledby={`cat-${gi}`}>
          <div class="group-head">
            <h3 id={`cat-${gi}`}>{group.category || t('templateNoCategory')}</h3>
            <button type="button" disabled={gi === 0} aria-label={t('categoryUp', group.category)} onClick={() => void reorder(moved(groups, { category: group.category }, -1))}>
              ↑
            </button>
            <button
              type="button"
              disabled={gi === groups.length - 1}
              aria-label={t('categoryDown', group.category)}
              onClick={() => void reorder(moved(groups, { category: group.category }, 1))}
            >
              ↓
            </button>
          </div>
          <ul class="template-list">
            {group.templates.map((tpl, ti) => (
              <li key={tpl.id} data-template-id={tpl.id}>
                <div class="template-title">
                  <strong>{tpl.title}</strong>{' '}
                  <span class="muted">
                    {t(tpl.scope === 'team' ? 'scopeTeam' : 'scopePersonal')} · {tpl.language.toUpperCase()} · {tpl.sites.map(siteLabel).join(', ')}
                    {tpl.shortcut ? ` · ;${tpl.shortcut}` : ''}
                  </span>
                </div>
                <div class="row-actions">
                  <button type="button" aria-label={t('templateEditLabel', tpl.title)} onClick={() => setEditing({ draft: draftOf(tpl), isNew: false })}>
                    {t('templateEdit')}
                  </button>
                  <button
                    type="button"
                    aria-label={t('templateDuplicateLabel', tpl.title)}
                    onClick={() => setEditing({ isNew: true, draft: { ...draftOf(tpl), id: newId(), title: t('templateCopyTitle', tpl.title), scope: 'personal' } })}
                  >
                    {t('templateDuplicate')}
                  </button>
                  <button type="button" disabled={ti === 0} aria-label={t('templateUp', tpl.title)} onClick={() => void reorder(moved(groups, { template: tpl.id }, -1))}>
                    ↑
                  </button>
                  <button
                    type="button"
                    disabled={ti === group.templates.length - 1}
                    aria-label={t('templateDown', tpl.title)}
                    onClick={() => void reorder(moved(groups, { template: tpl.id }, 1))}
                  >
                    ↓
                  </button>
                  {confirmDelete === tpl.id ? (
                    <span role="group" aria-label={t('templateDeleteConfirm', tpl.title)}>
                      {t('templateDeleteConfirm', tpl.title)}{' '}
                      <button
                        type="button"
                        class="danger"
                        onClick={() => void act(() => send('template/delete', { id: tpl.id }), t('templateDeleted', tpl.title)).then(() => setConfirmDelete(null))}
                      >
                        {t('templateDeleteYes')}
                      </button>{' '}
                      <button type="button" onClick={() => setConfirmDelete(null)}>
                        {t('cancelButton')}
                      </button>
                    </span>
                  ) : (
                    <button type="button" aria-label={t('templateDeleteLabel', tpl.title)} onClick={() => setConfirmDelete(tpl.id)}>
                      {t('templateDelete')}
                    </button>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
