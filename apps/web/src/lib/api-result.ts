import { ApiProblemError } from './problem';

/** What every call of the generated client resolves to (openapi-fetch's result shape). */
export interface ClientResult<Data> {
  data?: Data;
  error?: unknown;
  response: Response;
}

/**
 * The 2xx body of a generated-client call. Anything else rejects with an {@link ApiProblemError}
 * carrying the problem+json body and the Retry-After information.
 */
export async function dataOf<Data>(call: Promise<ClientResult<Data>>): Promise<Data> {
  const { data, error, response } = await call;
  if (response.ok && data !== undefined) return data;
  throw new ApiProblemError(response.status, error, response.headers);
}

/** For answers without a body (204): resolves when the API said yes, rejects like {@link dataOf} otherwise. */
export async function noContentOf(call: Promise<ClientResult<unknown>>): Promise<void> {
  const { error, response } = await call;
  if (!response.ok) throw new ApiProblemError(response.status, error, response.headers);
}
