import { useTranslation } from 'react-i18next';
import { CODE_LISTS, MEASURE_LABELS, type IndicatorMeasure } from '@leerwinkel/contracts';
import { useCodeLists } from '@/lib/code-lists';
import type { IndicatorReport } from '../api/central-indicators-query';
import { ChartPanel, DataTable } from './chart-panel';
import { FigureValue, useFigureText } from './figure-value';
import { OutcomeChart } from './outcome-chart';
import { labelLanguage, type ReportIndex } from './report-index';

/** The closed loop of a referral, each stage reached by (at most) the referrals of the one before. */
const STAGES = ['sent', 'accepted', 'enrolled', 'started', 'completed'] as const satisfies readonly IndicatorMeasure[];
const PARTNER_TYPES: readonly string[] = CODE_LISTS.partnerTypes.map((entry) => entry.code);

interface ReferralOutcomesProps {
  report: IndicatorReport;
  index: ReportIndex;
  /** "Vlaams totaal", or the total of the selection. */
  totalLabel: string;
}

/** Referrals per partner type and how far they got (from the totals over the selected regions). */
export function ReferralOutcomes({ report, index, totalLabel }: ReferralOutcomesProps) {
  const { t, i18n } = useTranslation('indicators');
  const codeLists = useCodeLists();
  const text = useFigureText(report.suppressionK);
  const language = labelLanguage(i18n.language);
  const cellOf = (category: string, measure: IndicatorMeasure) =>
    index.cell('referral_outcomes', { category, measure });
  // Partner types in code-list order, then any others the API counted; only those with referrals.
  const categories = [
    ...new Set([...PARTNER_TYPES, ...index.rows('referral_outcomes').map((row) => row.category)]),
  ].filter((category) => {
    if (category === 'total') return false;
    const sent = cellOf(category, 'sent');
    return sent !== undefined && (sent.suppressed || (sent.value ?? 0) > 0);
  });
  const stageLabels = STAGES.map((stage) => MEASURE_LABELS[stage][language]);
  const items = categories.map((category) => ({
    key: category,
    label: codeLists.label('partnerTypes', category),
    values: STAGES.map((stage) => cellOf(category, stage)?.value ?? null),
    text: text(cellOf(category, 'sent'), 'sent'),
  }));
  const summary = [
    t('outcomes.summary', {
      sent: text(cellOf('total', 'sent'), 'sent'),
      completed: text(cellOf('total', 'completed'), 'completed'),
      rate: text(cellOf('total', 'completed_rate'), 'completed_rate'),
    }),
    ...items.map((item) =>
      t('outcomes.item', {
        type: item.label,
        sent: item.text,
        completed: text(cellOf(item.key, 'completed'), 'completed'),
      }),
    ),
  ].join(' ');
  const columns: IndicatorMeasure[] = [...STAGES, 'completed_rate'];
  const cells = (category: string) =>
    columns.map((measure) => (
      <FigureValue
        key={measure}
        cell={cellOf(category, measure)}
        measure={measure}
        suppressionK={report.suppressionK}
      />
    ));

  return (
    <ChartPanel
      title={t('outcomes.title')}
      description={t('outcomes.description')}
      chart={
        items.length === 0 ? (
          <p>{t('outcomes.none')}</p>
        ) : (
          <OutcomeChart summary={summary} stages={stageLabels} items={items} />
        )
      }
      table={
        <DataTable
          caption={t('outcomes.caption')}
          rowHeading={t('outcomes.partnerType')}
          columns={columns.map((measure) => MEASURE_LABELS[measure][language])}
          rows={categories.map((category) => ({
            key: category,
            header: codeLists.label('partnerTypes', category),
            cells: cells(category),
          }))}
          footer={{ key: 'total', header: totalLabel, cells: cells('total') }}
        />
      }
    />
  );
}
