/** The queue's filters and search: the shared case filters, the scope (open, or open and closed) and a period. */
import type { Ref } from 'preact';
import type { Tag } from '../domain/tag';
import { AssigneeFilter, SiteFilter, StatusFilter, TagFilter } from '../ui/case-filter-fields';
import { t } from '../ui/i18n';
import type { QueueFilters } from './queue-model';

const DAY = 86_400_000;
const dateValue = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString().slice(0, 10));
const dateFrom = (value: string, end = false) => (value ? Date.parse(value) + (end ? DAY : 0) : null);

export function QueueFiltersBar({ filters, tags, onChange, search }: { filters: QueueFilters; tags: Tag[] | undefined; onChange(patch: Partial<QueueFilters>): void; search: Ref<HTMLInputElement> }) {
  return (
    <search class="queue-filters" aria-label={t('queueFilters')}>
      <label class="search-field">
        <span>{t('queueSearch')}</span>
        <input ref={search} type="search" value={filters.query} onInput={(e) => onChange({ query: (e.currentTarget as HTMLInputElement).value })} />
      </label>
      <label>
        {t('queueScope')}
        <select value={filters.scope} onChange={(e) => onChange({ scope: (e.currentTarget as HTMLSelectElement).value as QueueFilters['scope'] })}>
          <option value="open">{t('queueScopeOpen')}</option>
          <option value="all">{t('queueScopeAll')}</option>
        </select>
      </label>
      <StatusFilter value={filters.status} onChange={(status) => onChange({ status })} />
      <SiteFilter value={filters.site} onChange={(site) => onChange({ site })} />
      <TagFilter value={filters.tag} tags={tags} onChange={(tag) => onChange({ tag })} />
      <AssigneeFilter value={filters.assignee} modes={['all', 'mine', 'unassigned']} onChange={(assignee) => onChange({ assignee })} />
      <label>
        {t('queueFrom')}
        <input type="date" value={dateValue(filters.from)} onChange={(e) => onChange({ from: dateFrom((e.currentTarget as HTMLInputElement).value) })} />
      </label>
      <label>
        {t('queueTo')}
        <input type="date" value={dateValue(filters.to === null ? null : filters.to - DAY)} onChange={(e) => onChange({ to: dateFrom((e.currentTarget as HTMLInputElement).value, true) })} />
      </label>
    </search>
  );
}
