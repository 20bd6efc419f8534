/**
 * Coverage: how much of what was asked got an answer — posts seen that matched the intake rules, cases made
 * automatically and by hand, answered within the target, closed as "no reply needed". "Posts seen" is
 * `Report.intakeSeen`: automatic intake's count in this browser (issue #17, item 1; each post once); null
 * when it could not be read, and then "–", never a 0 that would look measured.
 */
import type { Figures } from '../domain/report';
import { formatCount } from './format';
import { t, type MessageKey } from '../ui/i18n';
import { Value } from './value';

export function Coverage({ figures, intakeSeen }: { figures: Figures; intakeSeen: number | null }) {
  const items: Array<{ id: string; label: MessageKey; value: string | null }> = [
    { id: 'intake-seen', label: 'reportCoverageSeen', value: intakeSeen === null ? null : formatCount(intakeSeen) },
    { id: 'made-auto', label: 'reportCoverageAuto', value: formatCount(figures.madeAutomatically) },
    { id: 'made-by-hand', label: 'reportCoverageByHand', value: formatCount(figures.madeByHand) },
    { id: 'answered-within', label: 'reportCoverageWithinSla', value: formatCount(figures.withinSla) },
    { id: 'no-reply', label: 'reportCoverageNoReply', value: formatCount(figures.noReplyNeeded) },
  ];
  return (
    <>
      <dl class="headline coverage" data-testid="coverage">
        {items.map((item) => (
          <div class="card" key={item.id} data-figure={item.id}>
            <dt>{t(item.label)}</dt>
            <dd class="value">
              <Value text={item.value} />
            </dd>
          </div>
        ))}
      </dl>
      <p class="muted">{t('reportCoverageSeenNote')}</p>
    </>
  );
}
