/** A case removed here by a deletion from the server, for the audit log: where it was, why, how many events went with it (no id). */
import type { Site } from '../domain/site';

export interface RemovedCase {
  site: Site;
  reason: 'retention' | 'request';
  events: number;
}
