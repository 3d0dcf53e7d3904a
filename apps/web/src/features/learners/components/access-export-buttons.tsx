import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/alert';
import { saveBlob } from '@/lib/download';
import { useProblemText } from '@/lib/problem-messages';
import { useAccessExport, type AccessExportFormat } from '../api/access-export-mutation';

interface AccessExportButtonsProps {
  region: string;
  learnerId: string;
}

/**
 * For coordinators: "Inzage downloaden" as a JSON file or a readable HTML document, with the server's file name.
 * While the file is being prepared both buttons wait and the progress is shown and announced.
 */
export function AccessExportButtons({ region, learnerId }: AccessExportButtonsProps) {
  const { t } = useTranslation('guidance');
  const problemText = useProblemText();
  const exportFile = useAccessExport(region, learnerId);
  const headingId = useId();
  const hintId = useId();
  const running = exportFile.isPending ? exportFile.variables : undefined;

  function run(format: AccessExportFormat): void {
    exportFile.mutate(format, {
      onSuccess: ({ blob, filename }) => {
        saveBlob(blob, filename);
      },
    });
  }

  let status = '';
  if (running !== undefined) status = t('accessExport.preparing');
  else if (exportFile.isSuccess) status = t('accessExport.done', { file: exportFile.data.filename });

  return (
    <div className="subpanel" role="group" aria-labelledby={headingId} aria-busy={running !== undefined}>
      <h4 id={headingId}>{t('accessExport.title')}</h4>
      <p className="muted">{t('accessExport.intro')}</p>
      <div className="row-actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={running !== undefined}
          aria-describedby={hintId}
          onClick={() => {
            run('json');
          }}
        >
          {running === 'json' ? t('accessExport.jsonBusy') : t('accessExport.json')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={running !== undefined}
          aria-describedby={hintId}
          onClick={() => {
            run('html');
          }}
        >
          {running === 'html' ? t('accessExport.htmlBusy') : t('accessExport.html')}
        </button>
      </div>
      <p id={hintId} className="field__hint">
        {t('accessExport.htmlHint')}
      </p>
      {running !== undefined && <progress aria-label={t('accessExport.preparing')} />}
      <p className="muted" role="status">
        {status}
      </p>
      {exportFile.isError && <Alert tone="error">{problemText.message(exportFile.error)}</Alert>}
    </div>
  );
}
