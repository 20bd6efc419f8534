/** Cases by hand for the report tests (domain figures and the reports page): only what a report reads varies. */
import type { Case, CaseStatus } from '../../src/domain/case';
import type { CaseId } from '../../src/domain/case-id';
import type { Site } from '../../src/domain/site';

const MIN = 60_000;
export const at = (iso: string) => Date.parse(iso);

export interface Spec {
  id: string;
  site?: Site;
  posted: string;
  responseMin?: number;
  /** Due this many minutes after posting … */
  dueMin?: number;
  /** … or at this instant. */
  dueAt?: string;
  tags?: string[];
  assignee?: string;
  status?: CaseStatus;
  estimated?: boolean;
}

export function mk(s: Spec): Case {
  const postedAt = at(s.posted);
  return {
    id: s.id as CaseId,
    site: s.site ?? 'x',
    url: `https://example.test/${s.id}`,
    author: { name: 'Jan Jansen', handle: '@janjansen' },
    text: 'Mijn container is niet geleegd',
    postedAt,
    postedAtSource: s.estimated ? 'first-seen' : 'page',
    status: s.status ?? 'closed',
    tags: s.tags ?? [],
    ...(s.assignee !== undefined && { assignee: s.assignee }),
    ...(s.responseMin !== undefined && { firstResponseAt: postedAt + s.responseMin * MIN }),
    ...(s.dueMin !== undefined && { dueAt: postedAt + s.dueMin * MIN }),
    ...(s.dueAt !== undefined && { dueAt: at(s.dueAt) }),
    createdAt: postedAt,
    updatedAt: postedAt,
  };
}
