import { vi } from 'vitest';

type Responder = (request: Request) => Response | Promise<Response>;

/**
 * A stand-in for `fetch` to hand to the API client: it answers every request with `responder`
 * and records the requests it saw.
 */
export function createFakeFetch(responder: Responder) {
  const requests: Request[] = [];
  const fakeFetch = vi.fn<typeof fetch>((input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push(request);
    return Promise.resolve(responder(request));
  });
  return { fetch: fakeFetch, requests };
}

export function jsonResponse(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } });
}
