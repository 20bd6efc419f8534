/**
 * The toolbar Loket adds under every post: the case state, the response timer, and the reply templates. It
 * renders plain values only — post text and names arrive as strings and Preact sets them as text, never as
 * HTML.
 */
import { useRef } from 'preact/hooks';
import type { Case, CaseStatus } from '../domain/case';
import type { PostRef } from '../domain/post-ref';
import type { Readability } from '../domain/readability';
import type { RenderedTemplate } from '../domain/render-template';
import type { SlaState } from '../domain/sla-state';
import type { Tag } from '../domain/tag';
import type { Template } from '../domain/template';
import { t, type MessageKey } from './i18n';
import { TagChips } from './chips';
import type { CaseEvent } from '../domain/case-event';
import { AccountWarning, type AccountWarningProps } from './account-warning';
import { CaseHistory } from './case-history';
import { HandoverForm } from './handover-form';
import { KccLine } from './kcc-line';
import { StatusSelect } from './status-select';
import { TagPicker } from './tag-picker';
import { TemplatePicker, type Fills } from './template-picker';
import { ChooserMenu } from './chooser-menu';
import { reasonItems } from './chooser-model';
import type { NoReplyReason } from '../domain/no-reply';
import type { Theme } from './theme';
import { memberNamed, type TeamMember } from '../domain/team';
import { AssignSelect } from './assign-select';

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
  /** Which panel is open under the toolbar. */
  panel: Panel;
  templates: Template[] | undefined;
  /** The tag set; undefined until loaded. */
  tags: Tag[] | undefined;
  renderTemplate(template: Template, fills: Fills): RenderedTemplate;
  onTrack(): void;
  onStatus(status: CaseStatus): void;
  onPanel(panel: Panel): void;
  onInsert(template: Template, fills: Fills, more: boolean): void;
  onToggleTag(tagId: string): void;
  onHandover(category: string, note: string): void;
  /** Closes the case as "no reply needed" with its reason (a post that is not a case yet becomes one first). */
  onNoReply(reason: NoReplyReason): void;
  /** The case's history, while the history panel is open. */
  history?: CaseEvent[] | undefined;
  onNote(text: string): void;
  /** The agent's name from the options; empty when none is set (then there is no "take"). */
  me: string;
  onTake(): void;
  /** The team list for "Toewijzen" (empty until read). */
  team?: readonly TeamMember[];
  /** Assign to a colleague (a name) or release to the pool (null). */
  onAssign?(to: string | null): void;
  /** The B1 check of a reply preview (a message to the background). */
  checkReadability?(text: string): Promise<Readability>;
  /** The wrong-account warning, while it shows (in the template picker when that is open). */
  accountWarning?: AccountWarningProps;
  /** The KCC's categories (the organisation's policy); Loket's own until they have arrived. */
  kccCategories?: string[];
  /** A template's actions changed the case a moment ago: offers to undo them. */
  onUndo?(): void;
}

/** A case field in the words of the history panel. */
function fieldWord(field: string): MessageKey {
  return (['status', 'tags', 'assignee', 'handover', 'firstResponseAt'].includes(field) ? `field_${field}` : 'field_other') as MessageKey;
}

export type Panel = 'none' | 'templates' | 'tags' | 'handover' | 'history' | 'noReply';

export function Toolbar(props: ToolbarProps) {
  const { post, caseState, theme, busy, notice, timer } = props;
  const templatesButton = useRef<HTMLButtonElement>(null);
  const tagsButton = useRef<HTMLButtonElement>(null);
  const handoverButton = useRef<HTMLButtonElement>(null);
  const historyButton = useRef<HTMLButtonElement>(null);
  const noReplyButton = useRef<HTMLButtonElement>(null);
  const idPrefix = `lk-${post.caseId.replace(/[^a-z0-9]/gi, '-')}`;
  const closePanel = () => {
    const button = { tags: tagsButton, handover: handoverButton, history: historyButton, templates: templatesButton, noReply: noReplyButton, none: templatesButton }[props.panel];
    props.onPanel('none');
    button.current?.focus();
  };
  const toggle = (panel: Panel) => props.onPanel(props.panel === panel ? 'none' : panel);
  return (
    <div class="lk" data-theme={theme} role="group" aria-label={t('toolbarLabel', post.author.name || post.author.handle || '')}>
      <div class="row">
        <span class="brand" aria-hidden="true">
          {t('toolbarBrand')}
        </span>
        {post.isOwn ? (
          <span class="state">{t('ownPost')}</span>
        ) : post.idPending ? (
          // The page does not show the post's id yet: nothing can make it a case until it does (the reason below).
          <>
            <span class="state" data-lk="state" role="status">
              {t('idPending')}
            </span>
            <button type="button" class="primary" data-lk="track" disabled aria-describedby={`${idPrefix}-why`}>
              {t('trackButton')}
            </button>
          </>
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
              <StatusSelect lk="status" status={caseState.status} disabled={busy} onStatus={props.onStatus} />
            </label>
            {caseState.tags.length > 0 && <TagChips ids={caseState.tags} tags={props.tags} />}
            {caseState.assignee ? (
              <span class="state" data-lk="assignee">
                {caseState.assignee === props.me
                  ? t('assignedToMe')
                  : memberNamed(props.team ?? [], caseState.assignee)?.away
                    ? t('assignedToAway', caseState.assignee)
                    : t('assignedTo', caseState.assignee)}
              </span>
            ) : (
              props.me && (
                <button type="button" data-lk="take" aria-label={t('takeCaseLabel')} disabled={busy} onClick={props.onTake}>
                  {t('takeCase')}
                </button>
              )
            )}
            {props.onAssign && (
              <AssignSelect
                lk="assign"
                label={t('assignLabel')}
                assignee={caseState.assignee}
                me={props.me}
                team={props.team ?? []}
                now={Date.now()}
                disabled={busy}
                onAssign={props.onAssign}
              />
            )}
          </>
        )}
        {caseState !== undefined && !post.isOwn && (
          <button type="button" ref={historyButton} data-lk="history-open" aria-expanded={props.panel === 'history'} onClick={() => toggle('history')}>
            {t('historyButton')}
          </button>
        )}
        {timer && (
          <span class={`timer timer-${timer.state}`} data-lk="timer">
            {timer.text}
          </span>
        )}
        {!post.isOwn && (
          <>
            <button
              type="button"
              ref={tagsButton}
              data-lk="tags"
              disabled={post.idPending}
              aria-expanded={props.panel === 'tags'}
              aria-haspopup="listbox"
              onClick={() => toggle('tags')}
            >
              {t('tagsButton')}
            </button>
            <button
              type="button"
              ref={handoverButton}
              data-lk="handover-open"
              disabled={post.idPending}
              aria-expanded={props.panel === 'handover'}
              onClick={() => toggle('handover')}
            >
              {t('handoverButton')}
            </button>
            {caseState?.status !== 'closed' && (
              <button
                type="button"
                ref={noReplyButton}
                data-lk="no-reply-open"
                aria-expanded={props.panel === 'noReply'}
                aria-haspopup="menu"
                disabled={busy}
                onClick={() => toggle('noReply')}
              >
                {t('noReplyLabel')}
              </button>
            )}
            <button
              type="button"
              ref={templatesButton}
              data-lk="templates"
              aria-expanded={props.panel === 'templates'}
              aria-haspopup="listbox"
              onClick={() => toggle('templates')}
            >
              {t('templatesButton')}
            </button>
          </>
        )}
      </div>
      {post.idPending && (
        <p class="notice state" id={`${idPrefix}-why`} data-lk="id-pending">
          {t('idPendingReason')}
        </p>
      )}
      {caseState && !post.isOwn && <KccLine c={caseState} />}
      {props.onUndo && (
        <div class="row">
          <button type="button" data-lk="undo-actions" aria-label={t('undoActionsLabel')} disabled={busy} onClick={props.onUndo}>
            {t('undoActions')}
          </button>
        </div>
      )}
      {caseState?.conflict && (
        <p class="notice conflict" data-lk="conflict">
          {t('conflictNotice', caseState.conflict.actors.join(' & '), caseState.conflict.fields.map((f) => t(fieldWord(f))).join(', '))}
        </p>
      )}
      {props.accountWarning && props.panel !== 'templates' && <AccountWarning {...props.accountWarning} />}
      {props.panel === 'templates' && (
        <TemplatePicker
          templates={props.templates}
          site={post.site}
          render={props.renderTemplate}
          onInsert={props.onInsert}
          onClose={closePanel}
          idPrefix={idPrefix}
          {...(props.accountWarning ? { accountWarning: props.accountWarning } : {})}
          {...(props.checkReadability ? { checkReadability: props.checkReadability } : {})}
        />
      )}
      {props.panel === 'history' && <CaseHistory events={props.history} tags={props.tags} onNote={props.onNote} onClose={closePanel} idPrefix={idPrefix} />}
      {props.panel === 'handover' && (
        <HandoverForm onSubmit={props.onHandover} onClose={closePanel} idPrefix={idPrefix} {...(props.kccCategories ? { categories: props.kccCategories } : {})} />
      )}
      {props.panel === 'noReply' && (
        <ChooserMenu
          label={t('queueChooseNoReply')}
          items={reasonItems((r) => t(`noReply_${r as NoReplyReason}`))}
          idPrefix={`${idPrefix}-no-reply`}
          onChoose={(reason) => props.onNoReply(reason as NoReplyReason)}
          // A choice closes the case (the actions close the panel): the focus goes to its history, which records it.
          onClose={(why) => (why === 'cancel' ? closePanel() : why === 'blur' ? props.onPanel('none') : requestAnimationFrame(() => historyButton.current?.focus()))}
        />
      )}
      {props.panel === 'tags' && (
        <TagPicker tags={props.tags} selected={caseState?.tags ?? []} onToggle={props.onToggleTag} onClose={closePanel} idPrefix={idPrefix} />
      )}
      {notice && (
        <p class={notice.kind === 'error' ? 'notice error' : 'notice'} role={notice.kind === 'error' ? 'alert' : 'status'} data-lk="notice">
          {notice.text}
        </p>
      )}
    </div>
  );
}
