/**
 * The toolbar Loket adds under every post: the case state and the actions on it. It renders plain values
 * only — post text and names arrive as strings and Preact sets them as text, never as HTML.
 */
import type { Case, CaseStatus } from '../domain/case';
import { CASE_STATUSES } from '../domain/case';
import type { PostRef } from '../domain/post-ref';
import { t } from './i18n';
import type { Theme } from './theme';

export interface ToolbarProps {
  post: PostRef;
  caseState: Case | undefined;
  /** Undefined while the case state has not been read yet. */
  loaded: boolean;
  theme: Theme;
  busy: boolean;
  error?: string;
  onTrack(): void;
  onStatus(status: CaseStatus): void;
}

export function statusLabel(status: CaseStatus): string {
  return t(`status_${status}`);
}

export function Toolbar(props: ToolbarProps) {
  const { post, caseState, theme, busy, error } = props;
  return (
    <div class="lk" data-theme={theme} role="group" aria-label={t('toolbarLabel', post.author.name || post.author.handle || '')}>
      <span class="brand" aria-hidden="true">
        {t('toolbarBrand')}
      </span>
      {post.isOwn ? (
        <span class="state">{t('ownPost')}</span>
      ) : caseState === undefined ? (
        <>
          <span class="state" data-lk="state">
            {props.loaded ? t('statusUntracked') : t('popupLoading')}
          </span>
          <button type="button" class="primary" data-lk="track" disabled={busy || !props.loaded} onClick={props.onTrack}>
            {t('trackButton')}
          </button>
        </>
      ) : (
        <>
          <label>
            <span>{t('statusLabel')}</span>
            <select
              data-lk="status"
              value={caseState.status}
              disabled={busy}
              onChange={(e) => props.onStatus((e.currentTarget as HTMLSelectElement).value as CaseStatus)}
            >
              {CASE_STATUSES.map((s) => (
                <option value={s} key={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </select>
          </label>
          {caseState.tags.length > 0 && (
            <ul class="chips">
              {caseState.tags.map((tag) => (
                <li class="chip" key={tag}>
                  {tag}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {error !== undefined && (
        <p class="error" role="alert" data-lk="error">
          {t('errorBackground', error)}
        </p>
      )}
    </div>
  );
}
