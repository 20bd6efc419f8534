/**
 * The filter fields the popup and the work queue share (channel, tag, status, whose), and the "no reply
 * needed" reason menu of a popup row. Each is a labelled native select: the label is the field's name, the
 * first option the filter's "all".
 */
import { CASE_STATUSES, type CaseStatus } from '../domain/case';
import { NO_REPLY_REASONS, isNoReplyReason, type NoReplyReason } from '../domain/no-reply';
import { SITES, siteLabel } from '../domain/site';
import type { Tag } from '../domain/tag';
import type { CaseFilters } from './case-filters';
import { statusLabel } from './chips';
import { t } from './i18n';

interface Choice {
  value: string;
  label: string;
}

function FilterSelect({ label, value, choices, onChange }: { label: string; value: string; choices: Choice[]; onChange(value: string): void }) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value)}>
        {choices.map((c) => (
          <option value={c.value} key={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function SiteFilter({ value, onChange }: { value: CaseFilters['site']; onChange(site: CaseFilters['site']): void }) {
  const choices = [{ value: 'all', label: t('filterAllSites') }, ...SITES.map((s) => ({ value: s, label: siteLabel(s) }))];
  return <FilterSelect label={t('filterSite')} value={value} choices={choices} onChange={(v) => onChange(v as CaseFilters['site'])} />;
}

export function TagFilter({ value, tags, onChange }: { value: string; tags: Tag[] | undefined; onChange(tag: string): void }) {
  const choices = [{ value: 'all', label: t('filterAllTags') }, ...(tags ?? []).map((tag) => ({ value: tag.id, label: tag.label }))];
  return <FilterSelect label={t('filterTag')} value={value} choices={choices} onChange={onChange} />;
}

export function StatusFilter({ value, onChange }: { value: CaseFilters['status']; onChange(status: CaseFilters['status']): void }) {
  const choices = [{ value: 'all', label: t('filterAllStatuses') }, ...CASE_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))];
  return <FilterSelect label={t('filterStatus')} value={value} choices={choices} onChange={(v) => onChange(v as CaseStatus | 'all')} />;
}

/** Whose cases: the popup offers mine-or-nobody's and everyone's, the queue everyone's, mine and nobody's. */
export function AssigneeFilter({ value, modes, onChange }: { value: CaseFilters['assignee']; modes: ReadonlyArray<CaseFilters['assignee']>; onChange(a: CaseFilters['assignee']): void }) {
  const words = { all: t('filterEveryone'), mine: t('filterMine'), mineOrFree: t('filterMine'), unassigned: t('queueUnassigned') };
  return <FilterSelect label={t('filterAssignee')} value={value} choices={modes.map((m) => ({ value: m, label: words[m] }))} onChange={(v) => onChange(v as CaseFilters['assignee'])} />;
}

/** A select of the "no reply needed" reasons; choosing one applies it (the first option chooses nothing). */
export function NoReplySelect({ label, testId, onReason }: { label: string; testId?: string; onReason(reason: NoReplyReason): void }) {
  return (
    <select
      aria-label={label}
      data-testid={testId}
      value=""
      onChange={(e) => {
        const v = (e.currentTarget as HTMLSelectElement).value;
        if (isNoReplyReason(v)) onReason(v);
      }}
    >
      <option value="">{t('noReplyChoose')}</option>
      {NO_REPLY_REASONS.map((r) => (
        <option value={r} key={r}>
          {t(`noReply_${r}`)}
        </option>
      ))}
    </select>
  );
}
