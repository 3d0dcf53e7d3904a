import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { saveBlob } from '@/lib/download';
import { useProblemText } from '@/lib/problem-messages';
import type { IndicatorFileFormat } from '../api/export-indicators-mutation';

interface ExportButtonsProps {
  /** The download of the view shown (useExportCentralIndicators / useExportRegionIndicators). */
  exportFile: UseMutationResult<{ blob: Blob; filename: string }, Error, IndicatorFileFormat>;
}

/** "CSV" and "Excel": the same view as a file, with the server's file name. Both wait while one runs. */
export function ExportButtons({ exportFile }: ExportButtonsProps) {
  const { t } = useTranslation('indicators');
  const problemText = useProblemText();
  const running = exportFile.isPending ? exportFile.variables : undefined;

  function run(format: IndicatorFileFormat): void {
    exportFile.mutate(format, {
      onSuccess: ({ blob, filename }) => {
        saveBlob(blob, filename);
      },
    });
  }

  let status = '';
  if (running !== undefined) status = running === 'csv' ? t('export.csvBusy') : t('export.xlsxBusy');
  else if (exportFile.isSuccess) status = t('export.done', { file: exportFile.data.filename });

  return (
    <div className="export-buttons">
      <div className="row-actions" role="group" aria-label={t('export.label')}>
        <span className="export-buttons__label" aria-hidden="true">
          {t('export.label')}
        </span>
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={running !== undefined}
          onClick={() => {
            run('csv');
          }}
        >
          {running === 'csv' ? t('export.csvBusy') : t('export.csv')}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={running !== undefined}
          onClick={() => {
            run('xlsx');
          }}
        >
          {running === 'xlsx' ? t('export.xlsxBusy') : t('export.xlsx')}
        </button>
      </div>
      <p className="export-buttons__status muted" role="status">
        {status}
      </p>
      {exportFile.isError && (
        <Alert tone="error">
          {problemText.fieldErrors(exportFile.error).groupBy !== undefined
            ? t('export.tooLarge')
            : problemText.message(exportFile.error)}
        </Alert>
      )}
    </div>
  );
}
