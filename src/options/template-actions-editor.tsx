/**
 * The reply actions of a template in the editor: a status to set, labels to add, a handover to the KCC with
 * its category and note, and an assignee. Empty fields are no action.
 */
import { CASE_STATUSES, type CaseStatus } from '../domain/case-lifecycle';
import type { ReplyAction } from '../domain/reply-actions';
import { statusLabel } from '../ui/chips';
import { t } from '../ui/i18n';

/** The actions as the editor's fields hold them. */
export interface ActionFields {
  status: CaseStatus | '';
  tags: string;
  category: string;
  note: string;
  assign: string;
}

export function actionFields(actions: readonly ReplyAction[] | undefined): ActionFields {
  const fields: ActionFields = { status: '', tags: '', category: '', note: '', assign: '' };
  for (const a of actions ?? []) {
    if (a.kind === 'status') fields.status = a.status;
    else if (a.kind === 'tags') fields.tags = a.add.join(', ');
    else if (a.kind === 'handover') Object.assign(fields, { category: a.category, note: a.note });
    else fields.assign = a.to;
  }
  return fields;
}

/** The actions the fields describe; an error key when a handover misses its category or note. */
export function actionsOf(f: ActionFields): { actions: ReplyAction[] } | { error: 'editorActionNeedsNote' } {
  const actions: ReplyAction[] = [];
  if (f.status) actions.push({ kind: 'status', status: f.status });
  const tags = [...new Set(f.tags.split(',').map((s) => s.trim()).filter(Boolean))];
  if (tags.length > 0) actions.push({ kind: 'tags', add: tags });
  if (f.category.trim() || f.note.trim()) {
    if (!f.category.trim() || !f.note.trim()) return { error: 'editorActionNeedsNote' };
    actions.push({ kind: 'handover', category: f.category.trim(), note: f.note.trim() });
  }
  if (f.assign.trim()) actions.push({ kind: 'assign', to: f.assign.trim() });
  return { actions };
}

export function TemplateActionsEditor(props: { fields: ActionFields; categories: readonly string[]; onChange(fields: ActionFields): void }) {
  const f = props.fields;
  const set = <K extends keyof ActionFields>(key: K, value: ActionFields[K]) => props.onChange({ ...f, [key]: value });
  return (
    <fieldset data-testid="template-actions-editor">
      <legend>{t('editorActionsLegend')}</legend>
      <div class="field">
        <label for="te-action-status">{t('editorActionStatus')}</label>
        <select id="te-action-status" value={f.status} onChange={(e) => set('status', (e.currentTarget as HTMLSelectElement).value as CaseStatus | '')}>
          <option value="">{t('editorActionNone')}</option>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="te-action-tags">{t('editorActionTags')}</label>
        <input id="te-action-tags" value={f.tags} onInput={(e) => set('tags', (e.currentTarget as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="te-action-category">{t('editorActionCategory')}</label>
        <select id="te-action-category" value={f.category} onChange={(e) => set('category', (e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{t('editorActionNone')}</option>
          {[...new Set([...props.categories, ...(f.category ? [f.category] : [])])].map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="te-action-note">{t('editorActionNote')}</label>
        <input id="te-action-note" maxLength={2000} value={f.note} onInput={(e) => set('note', (e.currentTarget as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="te-action-assign">{t('editorActionAssign')}</label>
        <input id="te-action-assign" maxLength={100} value={f.assign} onInput={(e) => set('assign', (e.currentTarget as HTMLInputElement).value)} />
      </div>
    </fieldset>
  );
}
