/** The team sync's state in a sentence, for the popup and the options page. */
import type { SyncStatus } from '../storage/sync-records';
import { formatDateTime } from './format';
import { t, type MessageKey } from './i18n';

const KNOWN = new Set(['invalid-url', 'insecure', 'unreachable', 'unauthorised', 'signed-out', 'no-access', 'database-missing', 'not-couchdb', 'server-error']);

/** A sync error in the UI's words, with the server's own detail after it. */
export function syncErrorText(code: string, detail: string): string {
  return KNOWN.has(code) ? `${t(`syncError_${code.replace('-', '_')}` as MessageKey)} (${detail})` : detail;
}

export function syncStatusText(status: SyncStatus): string {
  const last = status.lastSyncAt ? t('syncLast', formatDateTime(status.lastSyncAt)) : t('syncNever');
  const pending = status.pending > 0 ? ` · ${t('syncPending', String(status.pending))}` : '';
  if (status.state === 'syncing') return `${t('syncStateSyncing')}${pending}`;
  // Not the server's English detail: what the agent must do, and that nothing is lost meanwhile.
  if (status.state === 'signed-out') return `${t('syncStateSignedOut')} · ${last}${pending}`;
  if (status.state === 'offline') return `${t('syncStateOffline')} · ${last}${pending}`;
  if (status.state === 'error' && status.error) return `${t('syncStateError')}: ${syncErrorText(status.error.code, status.error.message)} · ${last}${pending}`;
  return `${last}${pending}`;
}
