/**
 * The toolbar Loket adds under every post: the case state, the response timer, and the reply templates. It
 * renders plain values only — post text and names arrive as strings and Preact sets them as text, never as
 * HTML.
 */
import { useRef } from 'preact/hooks';
import type { Case, CaseStatus } from '../domain/case';
import { statusChoices } from '../domain/case-lifecycle';
import type { PostRef } from '../domain/post-ref';
import type { RenderedTemplate } from '../domain/render-template';
import type { SlaState } from '../domain/sla-state';
import type { Template } from '../domain/template';
import { t } from './i18n';
import { TemplatePicker } from './template-picker';
import type { Theme } from './theme';

export interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

export interface ToolbarProps {
  post: PostRef;
  caseState: Case | undefined;
  /** False while the case state has not been read yet. */
  loaded: boolean;
  theme: Theme;
  busy: boolean;
  notice?: Notice;
  /** The response timer in words ("Wacht 12 min"), with its state for colour; absent for untracked posts. */
  timer?: { text: string; state: SlaState };
  pickerOpen: boolean;
  templates: Template[] | undefined;
  renderTemplate(template: Template): RenderedTemplate;
  onTrack(): void;
  onStatus(status: CaseStatus): void;
  onTogglePicker(open: boolean): void;
  onInsert(template: Template): void;
}

export function statusLabel(status: CaseStatus): string {
  return t(`status_${status}`);
}

export function Toolbar(props: ToolbarProps) {
  const { post, caseState, theme, busy, notice, timer } = props;
  const pickerButton = useRef<HTMLButtonElement>(null);
  const idPrefix = `lk-${post.caseId.replace(/[^a-z0-9]/gi, '-')}`;
  const closePicker = () => {
    props.onTogglePicker(false);
    pickerButton.current?.focus();
  };
  return (
    <div class="lk" data-theme={theme} role="group" aria-label={t('toolbarLabel', post.author.name || post.author.handle || '')}>
      <div class="row">
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
                {statusChoices(caseState.status).map((s) => (
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
        {timer && (
          <span class={`timer timer-${timer.state}`} data-lk="timer">
            {timer.text}
          </span>
        )}
        {!post.isOwn && (
          <button
            type="button"
            ref={pickerButton}
            data-lk="templates"
            aria-expanded={props.pickerOpen}
            aria-haspopup="listbox"
            onClick={() => props.onTogglePicker(!props.pickerOpen)}
          >
            {t('templatesButton')}
          </button>
        )}
      </div>
      {props.pickerOpen && (
        <TemplatePicker templates={props.templates} render={props.renderTemplate} onInsert={props.onInsert} onClose={closePicker} idPrefix={idPrefix} />
      )}
      {notice && (
        <p class={notice.kind === 'error' ? 'notice error' : 'notice'} role={notice.kind === 'error' ? 'alert' : 'status'} data-lk="notice">
          {notice.text}
        </p>
      )}
    </div>
  );
}
