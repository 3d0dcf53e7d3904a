import { useTranslation } from 'react-i18next';
import type { IndicatorId, IndicatorMeasure } from '@leerwinkel/contracts';
import { useFigureText } from './figure-value';
import type { ReportIndex } from './report-index';

interface KeyFiguresProps {
  index: ReportIndex;
  suppressionK: number | null;
}

interface KeyFigure {
  key: string;
  indicator: IndicatorId;
  category: string;
  measure: IndicatorMeasure;
  label: string;
  note: string;
}

/**
 * The figures at a glance, over the whole period and all selected regions: new cases, the share of
 * low-qualified learners, the median days to the first contact and to the first referral, and the share of
 * closed cases without exit data (objectives "unknown").
 */
export function KeyFigures({ index, suppressionK }: KeyFiguresProps) {
  const { t } = useTranslation('indicators');
  const text = useFigureText(suppressionK);
  const figures: KeyFigure[] = [
    {
      key: 'new',
      indicator: 'new_cases',
      category: 'total',
      measure: 'count',
      label: t('keyFigures.newCases'),
      note: t('keyFigures.newCasesNote'),
    },
    {
      key: 'low',
      indicator: 'reach_education',
      category: 'low_qualified',
      measure: 'share',
      label: t('keyFigures.lowQualified'),
      note: t('keyFigures.lowQualifiedNote'),
    },
    {
      key: 'contact',
      indicator: 'days_to_first_contact',
      category: 'all',
      measure: 'median_days',
      label: t('keyFigures.daysToFirstContact'),
      note: t('keyFigures.daysNote'),
    },
    {
      key: 'referral',
      indicator: 'days_to_first_referral',
      category: 'all',
      measure: 'median_days',
      label: t('keyFigures.daysToFirstReferral'),
      note: t('keyFigures.daysNote'),
    },
    {
      key: 'exit',
      indicator: 'objectives_met',
      category: 'unknown',
      measure: 'share',
      label: t('keyFigures.withoutExitData'),
      note: t('keyFigures.withoutExitDataNote'),
    },
  ];

  return (
    <section className="key-figures" aria-label={t('keyFigures.title')}>
      <dl className="key-figures__list">
        {figures.map((figure) => {
          const cell = index.cell(figure.indicator, { category: figure.category, measure: figure.measure });
          const value = cell?.value ?? null;
          const shown =
            figure.measure === 'median_days' && value !== null && cell?.suppressed !== true
              ? t('keyFigures.days', { count: value, value: text(cell, figure.measure) })
              : text(cell, figure.measure);
          return (
            <div key={figure.key} className="key-figure">
              <dt className="key-figure__label">{figure.label}</dt>
              <dd className="key-figure__value">{shown}</dd>
              <dd className="key-figure__note">{figure.note}</dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
