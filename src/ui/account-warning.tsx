/**
 * "Je reageert als @persoonlijk, niet als @gemeente": the page shows the agent acting as an account that is
 * not one of the municipality's. Advice only — sending is never blocked; one click (or Enter) hides it for
 * the rest of the page.
 */
import { t } from './i18n';

export interface AccountWarningProps {
  text: string;
  onDismiss(): void;
}

export function AccountWarning(props: AccountWarningProps) {
  return (
    <div class="notice account-warning" role="alert" data-lk="account-warning">
      <span>{props.text}</span>{' '}
      <button type="button" data-lk="account-warning-dismiss" onClick={props.onDismiss}>
        {t('accountWarningDismiss')}
      </button>
    </div>
  );
}
