import { ApiProblemError } from './problem';

/**
 * The file name a Content-Disposition header gives (`filename*=UTF-8''…` preferred over `filename="…"`),
 * reduced to a plain name (no folders); `fallback` when there is none.
 */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (header === null) return fallback;
  let name: string | undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1] !== undefined) {
    try {
      name = decodeURIComponent(extended[1].trim());
    } catch {
      name = undefined;
    }
  }
  if (name === undefined) {
    const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/.exec(header);
    name = (plain?.[1] ?? plain?.[2])?.replace(/\\(.)/g, '$1').trim();
  }
  const base = name?.split(/[\\/]/).pop()?.trim();
  return base === undefined || base === '' ? fallback : base;
}

/** Hands `blob` to the browser as a download named `filename` (no navigation, no new tab). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // After the click the browser holds its own reference; free ours once it has started.
    setTimeout(() => {
      URL.revokeObjectURL(url);
    }, 0);
  }
}

/**
 * For file answers of the generated client (`parseAs: 'blob'`): the file and its name from
 * Content-Disposition (`fallback` when the server gave none). Anything but 2xx rejects with an
 * {@link ApiProblemError}, like `dataOf`.
 */
export async function fileOf(
  call: Promise<{ data?: Blob; error?: unknown; response: Response }>,
  fallback: string,
): Promise<{ blob: Blob; filename: string }> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined) throw new ApiProblemError(response.status, error, response.headers);
  return { blob: data, filename: filenameFromDisposition(response.headers.get('content-disposition'), fallback) };
}
