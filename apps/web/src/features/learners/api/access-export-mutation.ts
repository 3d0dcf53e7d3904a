import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@leerwinkel/contracts';
import { useApiClient, type ApiClient } from '@/lib/api-client';
import { fileOf } from '@/lib/download';
import { accessLogQueryKey } from './access-log-query';

type AccessExportQuery = NonNullable<
  paths['/api/v1/regions/{region}/learners/{learnerId}/access-export']['get']['parameters']['query']
>;
/** `json`: every stored value, for machines; `html`: a readable Dutch document to print or save as PDF. */
export type AccessExportFormat = NonNullable<AccessExportQuery['format']>;

/**
 * GET …/learners/{learnerId}/access-export?format=json|html (coordinators): the right-of-access export (GDPR
 * Art. 15) as a file, with the server's file name.
 */
export function exportLearnerAccess(client: ApiClient, region: string, learnerId: string, format: AccessExportFormat) {
  return fileOf(
    client.GET('/api/v1/regions/{region}/learners/{learnerId}/access-export', {
      params: { path: { region, learnerId }, query: { format } },
      parseAs: 'blob',
    }),
    `inzage-${learnerId}.${format}`,
  );
}

/** Downloads the access export (the caller saves the file); the download lands in the learner's access log. */
export function useAccessExport(region: string, learnerId: string) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (format: AccessExportFormat) => exportLearnerAccess(client, region, learnerId, format),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accessLogQueryKey(region, learnerId) }),
  });
}
