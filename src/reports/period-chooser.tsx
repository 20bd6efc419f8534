/** Which cases the report covers: a preset or a custom date range (local dates), and the channel. */
import { SITES, siteLabel, type Site } from '../domain/site';
import { t, type MessageKey } from '../ui/i18n';
import { PRESETS, type DateRange, type Preset } from './period';

export interface Choice {
  preset: Preset | 'custom';
  /** The dates shown in the inputs; for a preset, the preset's dates. */
  range: DateRange;
  site: Site | 'all';
}

const PRESET_LABELS: Record<Preset | 'custom', MessageKey> = {
  last7: 'reportPresetLast7',
  last30: 'reportPresetLast30',
  thisMonth: 'reportPresetThisMonth',
  previousMonth: 'reportPresetPreviousMonth',
  custom: 'reportPresetCustom',
};

interface Props {
  choice: Choice;
  /** A preset was picked: the page fills in its dates. */
  onPreset(preset: Preset | 'custom'): void;
  /** A date was typed or picked: the choice becomes custom. */
  onRange(range: DateRange): void;
  onSite(site: Site | 'all'): void;
  /** Id of the message that explains a problem with the dates, when there is one. */
  problemId?: string | undefined;
}

export function PeriodChooser({ choice, onPreset, onRange, onSite, problemId }: Props) {
  const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;
  return (
    <form class="report-controls" onSubmit={(e) => e.preventDefault()} data-testid="period">
      <fieldset>
        <legend>{t('reportChooseLegend')}</legend>
        <label>
          {t('reportPeriodLabel')}
          <select value={choice.preset} onChange={(e) => onPreset(value(e) as Preset | 'custom')} data-testid="period-preset">
            {[...PRESETS, 'custom' as const].map((p) => (
              <option value={p} key={p}>
                {t(PRESET_LABELS[p])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('reportFromLabel')}
          <input
            type="date"
            value={choice.range.from}
            required
            aria-invalid={problemId ? true : undefined}
            aria-describedby={problemId}
            onChange={(e) => onRange({ ...choice.range, from: value(e) })}
            data-testid="period-from"
          />
        </label>
        <label>
          {t('reportToLabel')}
          <input
            type="date"
            value={choice.range.to}
            required
            aria-invalid={problemId ? true : undefined}
            aria-describedby={problemId}
            onChange={(e) => onRange({ ...choice.range, to: value(e) })}
            data-testid="period-to"
          />
        </label>
        <label>
          {t('filterSite')}
          <select value={choice.site} onChange={(e) => onSite(value(e) as Site | 'all')} data-testid="period-site">
            <option value="all">{t('filterAllSites')}</option>
            {SITES.map((s) => (
              <option key={s} value={s}>
                {siteLabel(s)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
    </form>
  );
}
