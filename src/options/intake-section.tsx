/**
 * The options' intake fields (issue #17, item 1), inside the agent form and saved with it: automatic intake on
 * or off per channel, "mentions only", extra keywords or hashtags, colleagues' accounts. The organisation can
 * set them as one policy key (`intake`): then they are shown read-only.
 */
import type { Settings } from '../protocol/messages';
import { SITE_METAS } from '../sites/registry';
import { t } from '../ui/i18n';

export function IntakeFields({ settings, locked, onChange }: { settings: Settings; locked: boolean; onChange: (intake: Settings['intake']) => void }) {
  const intake = settings.intake;
  const described = (id: string) => [id, locked ? 'managed-note' : ''].join(' ').trim();
  return (
    <fieldset data-testid="intake-section">
      <legend>{t('intakeHeading')}</legend>
      <p id="h-intake" class="muted">
        {t('intakeHelp')}
      </p>
      {settings.ownAccounts.trim() === '' && intake.keywords.trim() === '' && <p class="muted">{t('intakeNoAccounts')}</p>}
      {SITE_METAS.map((meta) => (
        <div class="field" key={meta.id}>
          <label>
            <input
              type="checkbox"
              name={`intake-${meta.id}`}
              checked={intake.sites[meta.id]}
              disabled={locked}
              aria-describedby={described('h-intake')}
              onChange={(e) => onChange({ ...intake, sites: { ...intake.sites, [meta.id]: (e.currentTarget as HTMLInputElement).checked } })}
            />{' '}
            {t('intakeSite', meta.label)}
          </label>
        </div>
      ))}
      <div class="field">
        <label>
          <input
            type="checkbox"
            name="intake-mentions-only"
            checked={intake.mentionsOnly}
            disabled={locked}
            aria-describedby={locked ? 'managed-note' : undefined}
            onChange={(e) => onChange({ ...intake, mentionsOnly: (e.currentTarget as HTMLInputElement).checked })}
          />{' '}
          {t('intakeMentionsOnly')}
        </label>
      </div>
      <div class="field">
        <label for="f-intake-keywords">{t('intakeKeywords')}</label>
        <input
          id="f-intake-keywords"
          name="intake-keywords"
          value={intake.keywords}
          readOnly={locked}
          aria-describedby={described('h-intake-keywords')}
          onInput={(e) => onChange({ ...intake, keywords: (e.currentTarget as HTMLInputElement).value })}
        />
        <small id="h-intake-keywords" class="muted">
          {t('intakeKeywordsHelp')}
        </small>
      </div>
      <div class="field">
        <label for="f-intake-team">{t('intakeTeam')}</label>
        <input
          id="f-intake-team"
          name="intake-team"
          value={intake.teamAccounts}
          readOnly={locked}
          aria-describedby={described('h-intake-team')}
          onInput={(e) => onChange({ ...intake, teamAccounts: (e.currentTarget as HTMLInputElement).value })}
        />
        <small id="h-intake-team" class="muted">
          {t('intakeTeamHelp')}
        </small>
      </div>
      {locked && <small class="managed">{t('managedField')}</small>}
    </fieldset>
  );
}
