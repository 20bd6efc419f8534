/** The popup: the agent's open items, most urgent first, kept current by the background's pushes. */
import { useEffect, useState } from 'preact/hooks';
import type { Case } from '../domain/case';
import type { Diagnostic } from '../domain/diagnostic';
import { send, onPush } from '../protocol/client';
import { formatDateTime, snippet } from '../ui/format';
import { t, type MessageKey } from '../ui/i18n';
import type { Tag } from '../domain/tag';
import { statusLabel, TagChips } from '../ui/toolbar';

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; cases: Case[]; total: number };

export function PopupApp() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [warnings, setWarnings] = useState<Diagnostic[]>([]);
  const [tags, setTags] = useState<Tag[] | undefined>(undefined);

  useEffect(() => {
    const lifetime = new AbortController();
    const load = () =>
      send('cases/open', { limit: 200 })
        .then(({ cases, total }) => setState({ kind: 'ready', cases, total }))
        .catch((error: unknown) => setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) }));
    const loadWarnings = () => send('health/list', {}).then(setWarnings, () => undefined);
    void load();
    void loadWarnings();
    void send('tags/list', {}).then(setTags, () => undefined);
    onPush({ 'case/changed': () => void load(), 'health/changed': () => void loadWarnings() }, lifetime.signal);
    return () => lifetime.abort();
  }, []);

  return (
    <>
      <header>
        <h1>{t('popupTitle')}</h1>
        {state.kind === 'ready' && (
          <span class="muted" data-testid="open-count">
            {t('popupCount', String(state.total))}
          </span>
        )}
        <span class="spacer" />
        <a href="options.html" target="_blank">
          {t('openOptions')}
        </a>
      </header>
      <main>
        {warnings.length > 0 && (
          <section class="warnings" aria-labelledby="warnings-heading" data-testid="health">
            <h2 id="warnings-heading">{t('healthHeading')}</h2>
            <ul>
              {warnings.map((w) => (
                <li key={w.seq}>
                  {t('healthLayout', t(w.site === 'x' ? 'site_x' : 'site_facebook'), t(`pageKind_${w.pageKind}` as MessageKey) || w.pageKind, formatDateTime(w.at))}
                </li>
              ))}
            </ul>
          </section>
        )}
        {state.kind === 'loading' && <p class="loading">{t('popupLoading')}</p>}
        {state.kind === 'error' && (
          <p role="alert" class="error">
            {t('errorPrefix', state.message)}
          </p>
        )}
        {state.kind === 'ready' && state.cases.length === 0 && <p class="empty muted">{t('popupEmpty')}</p>}
        {state.kind === 'ready' && state.cases.length > 0 && (
          <ul class="cases" aria-label={t('popupTitle')}>
            {state.cases.map((c) => (
              <CaseRow key={c.id} item={c} tags={tags} />
            ))}
          </ul>
        )}
      </main>
    </>
  );
}

function CaseRow({ item, tags }: { item: Case; tags: Tag[] | undefined }) {
  return (
    <li data-case-id={item.id}>
      <a class="case" href={item.url} target="_blank" rel="noopener noreferrer" title={t('popupOpenPost', item.author.name)}>
        <span class="meta">
          <span>{t(item.site === 'x' ? 'site_x' : 'site_facebook')}</span>
          <span class="author">{item.author.name}</span>
          {item.author.handle && <span>{item.author.handle}</span>}
        </span>
        <span class="text" style="display:block">
          {snippet(item.text)}
        </span>
        <span class="meta">
          <span class="status">{statusLabel(item.status)}</span>
          {item.tags.length > 0 && <TagChips ids={item.tags} tags={tags} />}
          <span>
            {t('popupPostedAt')} {formatDateTime(item.postedAt)} {item.postedAtSource === 'first-seen' ? t('estimatedTime') : ''}
          </span>
        </span>
      </a>
    </li>
  );
}
