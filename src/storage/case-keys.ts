/**
 * Every id a stored case answers to — its own and its aliases — for the content scripts' filter of known
 * cases (domain/id-filter.ts). Keys only: no case is read or parsed.
 */
import type { CaseId } from '../domain/case-id';
import type { LoketDatabase } from './db';

export async function allCaseKeys(db: LoketDatabase): Promise<CaseId[]> {
  const tx = db.transaction('cases');
  const keys: CaseId[] = [...(await tx.store.getAllKeys())];
  // Aliases are few (Facebook's second ids): walk the index's keys rather than read the cases.
  if (tx.store.indexNames.contains('by-alias')) {
    for (let cursor = await tx.store.index('by-alias').openKeyCursor(); cursor; cursor = await cursor.continue()) keys.push(cursor.key as CaseId);
  }
  await tx.done;
  return keys;
}
