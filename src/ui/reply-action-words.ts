/** A template's reply actions in words, for the picker's preview and the toolbar's notice. */
import { ME, type ReplyAction } from '../domain/reply-actions';
import { statusLabel } from './chips';
import { t } from './i18n';

export function describeAction(action: ReplyAction): string {
  switch (action.kind) {
    case 'status':
      return t('actionStatus', statusLabel(action.status));
    case 'tags':
      return t('actionTags', action.add.join(', '));
    case 'handover':
      return t('actionHandover', action.category, action.note);
    case 'assign':
      return action.to === ME ? t('actionAssignMe') : t('actionAssign', action.to);
  }
}

export function describeActions(actions: readonly ReplyAction[]): string {
  return actions.map(describeAction).join('; ');
}
