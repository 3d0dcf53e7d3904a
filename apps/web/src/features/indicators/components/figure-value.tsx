import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorMeasure } from '@leerwinkel/contracts';
import { formatNumber } from '@/lib/format';
import { formatPercent } from '@/lib/format-figures';
import { isCount, isFraction, type Cell } from './report-index';

/**
 * How a figure reads: a count, a Belgian percentage (shares and rates) or a number of days. A suppressed count
 * reads "< k"; a suppressed share, rate or median reads "verborgen" (it is not a small number itself); a value
 * that cannot be computed (a share of nothing) reads "—".
 */
export function useFigureText(suppressionK: number | null) {
  const { t, i18n } = useTranslation('indicators');
  const language = i18n.language;
  return useCallback(
    (cell: Cell | undefined, measure: IndicatorMeasure): string => {
      if (cell?.suppressed === true) {
        return isCount(measure) && suppressionK !== null
          ? `< ${formatNumber(suppressionK, language)}`
          : t('suppression.hidden');
      }
      const value = cell?.value ?? null;
      if (value === null) return '—';
      if (isFraction(measure)) return formatPercent(value, language);
      return formatNumber(value, language, { maximumFractionDigits: 1 });
    },
    [t, language, suppressionK],
  );
}

interface FigureValueProps {
  cell: Cell | undefined;
  measure: IndicatorMeasure;
  suppressionK: number | null;
}

/** One figure in a table; a suppressed one is marked and explained on hover (the legend says it in words). */
export function FigureValue({ cell, measure, suppressionK }: FigureValueProps) {
  const { t } = useTranslation('indicators');
  const text = useFigureText(suppressionK);
  if (cell?.suppressed === true) {
    return (
      <span className="figure figure--suppressed" title={t('suppression.cellTitle')}>
        {text(cell, measure)}
      </span>
    );
  }
  return <span className="figure">{text(cell, measure)}</span>;
}
