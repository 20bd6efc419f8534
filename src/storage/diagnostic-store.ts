/** Site-health findings: recorded at most once per site and page kind per hour, shown for a week. */
import { DIAGNOSTIC_REPEAT_MS, DIAGNOSTIC_SHOWN_MS, type Diagnostic } from '../domain/diagnostic';
import type { LoketDatabase } from './db';

/** Records a finding unless the same one was recorded within the hour; returns it when it was stored. */
export async function recordDiagnostic(db: LoketDatabase, finding: Diagnostic): Promise<Diagnostic | null> {
  const tx = db.transaction('diagnostics', 'readwrite');
  const recent = await tx.store.index('by-time').getAll(IDBKeyRange.lowerBound(finding.at - DIAGNOSTIC_REPEAT_MS));
  const repeat = recent.some((d) => d.site === finding.site && d.kind === finding.kind && d.pageKind === finding.pageKind);
  let stored: Diagnostic | null = null;
  if (!repeat) {
    const seq = await tx.store.add(finding as Diagnostic & { seq: number });
    stored = { ...finding, seq };
  }
  await tx.done;
  return stored;
}

/** Findings of the last week, newest first. */
export async function recentDiagnostics(db: LoketDatabase, now: number): Promise<Diagnostic[]> {
  const found = await db.getAllFromIndex('diagnostics', 'by-time', IDBKeyRange.lowerBound(now - DIAGNOSTIC_SHOWN_MS));
  return found.reverse();
}
