/** The headline figures of a report as cards: how many, how fast, how often on time. */
import type { Figures } from '../domain/report';
import { formatCases, formatCount, formatOfficeDuration, formatRate } from './format';
import { t, type MessageKey } from '../ui/i18n';
import { Value } from './value';

export const ESTIMATE_NOTE_ID = 'estimate-note';

interface Card {
  id: string;
  label: MessageKey;
  value: string | null;
  sub: string;
  /** Built on posted times, so an estimate when some of those are. */
  timed?: boolean;
}

export function Headline({ figures }: { figures: Figures }) {
  const estimated = figures.estimated > 0;
  const cards: Card[] = [
    { id: 'cases', label: 'reportCardCases', value: formatCount(figures.cases), sub: t('reportCardCasesSub', formatCount(figures.answered)) },
    {
      id: 'response-rate',
      label: 'reportCardResponseRate',
      value: formatRate(figures.responseRate),
      sub: t('reportCardResponseRateSub', formatCount(figures.answered), formatCases(figures.cases - figures.noReplyNeeded)),
    },
    { id: 'median', label: 'reportCardMedian', value: formatOfficeDuration(figures.medianFirstResponseMs), sub: t('reportOfficeTime'), timed: true },
    { id: 'p90', label: 'reportCardP90', value: formatOfficeDuration(figures.p90FirstResponseMs), sub: t('reportOfficeTime'), timed: true },
    { id: 'within-sla', label: 'reportCardWithinSla', value: formatRate(figures.withinSlaRate), sub: t('reportCardWithinSlaSub', formatCases(figures.withinSla)), timed: true },
    { id: 'overdue', label: 'reportCardOverdue', value: formatCount(figures.overdue), sub: t('reportCardOverdueSub'), timed: true },
    { id: 'service-share', label: 'reportCardServiceShare', value: formatRate(figures.serviceShare), sub: t('reportCardServiceShareSub') },
    { id: 'open-handovers', label: 'reportCardHandovers', value: formatCount(figures.openHandovers), sub: t('reportCardHandoversSub') },
  ];
  return (
    <>
      <dl class="headline" data-testid="headline">
        {cards.map((card) => {
          const mark = estimated && card.timed === true && card.value !== null;
          return (
            <div class="card" key={card.id} data-figure={card.id}>
              <dt>{t(card.label)}</dt>
              <dd class="value" aria-describedby={mark ? ESTIMATE_NOTE_ID : undefined}>
                <Value text={card.value} estimated={mark} />
              </dd>
              <dd class="sub">{card.sub}</dd>
            </div>
          );
        })}
      </dl>
      {estimated && (
        <p class="estimate-note" id={ESTIMATE_NOTE_ID} data-testid="estimate-note">
          <span aria-hidden="true">≈ </span>
          {t('reportEstimateNote', formatCount(figures.estimated), formatCases(figures.cases))}
        </p>
      )}
    </>
  );
}
