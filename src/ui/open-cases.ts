/**
 * The popup's list of open cases, most urgent first. Read straight from the database when the popup can open
 * it for reading — the background worker may be asleep when the agent clicks the icon, and waking it costs
 * more than the read — else asked of the background. Only the background writes; this only reads, through
 * the same open-cases index the background's own answer uses.
 */
import type { Case } from '../domain/case';
import { send } from '../protocol/client';
import { countOpen, listOpenByDue } from '../storage/case-store';
import { openForReading, type LoketDatabase } from '../storage/db';

export type OpenCasesReader = (limit: number) => Promise<{ cases: Case[]; total: number }>;

export function openCasesReader(open: () => Promise<LoketDatabase | null> = openForReading): OpenCasesReader {
  let reader: Promise<LoketDatabase | null> = open().catch(() => null);
  return async (limit) => {
    const db = await reader;
    if (db) {
      try {
        const [cases, total] = await Promise.all([listOpenByDue(db, limit), countOpen(db)]);
        return { cases, total };
      } catch {
        // Closed to let an upgrade through, or gone: the background answers from now on.
        reader = Promise.resolve(null);
      }
    }
    return send('cases/open', { limit });
  };
}
