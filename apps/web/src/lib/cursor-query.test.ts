import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { createApiClient } from '@leerwinkel/contracts';
import { createFakeFetch, jsonResponse } from '@/test/fake-fetch';
import { problemResponse } from '@/test/fake-api';
import { allPagesQueryOptions, cursorListQueryOptions } from './cursor-query';
import { ApiProblemError } from './problem';

const PAGES: Record<string, { items: { slug: string; displayName: string }[]; nextCursor: string | null }> = {
  first: { items: [{ slug: 'gent', displayName: 'Gent' }], nextCursor: 'c2' },
  c2: { items: [{ slug: 'kortrijk', displayName: 'Kortrijk' }], nextCursor: 'c3' },
  c3: { items: [{ slug: 'leuven', displayName: 'Leuven' }], nextCursor: null },
};

/** A client whose GET /api/v1/regions answers the three pages above, following `cursor`. */
function setup() {
  const fake = createFakeFetch((request) => {
    const page = PAGES[new URL(request.url).searchParams.get('cursor') ?? 'first'];
    return page === undefined ? problemResponse(400, 'VALIDATION.FAILED') : jsonResponse(page);
  });
  const client = createApiClient('http://localhost', { fetch: fake.fetch });
  const cursors = () => fake.requests.map((request) => new URL(request.url).searchParams.get('cursor'));
  return { client, cursors, queryClient: new QueryClient({ defaultOptions: { queries: { retry: false } } }) };
}

describe('cursorListQueryOptions', () => {
  it('reads one page per call, passing the previous page’s nextCursor, and stops when it is null', async () => {
    const { client, cursors, queryClient } = setup();
    const options = cursorListQueryOptions(['regions'], (cursor, signal) =>
      client.GET('/api/v1/regions', { params: { query: { cursor } }, signal }),
    );

    // Asks for up to five pages: the read stops after the third, whose nextCursor is null.
    const data = await queryClient.infiniteQuery({ ...options, pages: 5 });

    expect(data.pages.flatMap((page) => page.items.map((region) => region.slug))).toEqual([
      'gent',
      'kortrijk',
      'leuven',
    ]);
    expect(cursors()).toEqual([null, 'c2', 'c3']);
    expect(data.pageParams).toEqual([undefined, 'c2', 'c3']);
  });
});

describe('allPagesQueryOptions', () => {
  it('reads every page in turn into one array, in the order the API sent them', async () => {
    const { client, cursors, queryClient } = setup();

    const regions = await queryClient.query(
      allPagesQueryOptions(['regions', 'all'], (cursor, signal) =>
        client.GET('/api/v1/regions', { params: { query: { limit: 100, cursor } }, signal }),
      ),
    );

    expect(regions.map((region) => region.displayName)).toEqual(['Gent', 'Kortrijk', 'Leuven']);
    expect(cursors()).toEqual([null, 'c2', 'c3']);
  });

  it('rejects with the problem of a refused page', async () => {
    const { client, queryClient } = setup();

    const reading = queryClient.query(
      allPagesQueryOptions(['regions', 'broken'], (_cursor, signal) =>
        client.GET('/api/v1/regions', { params: { query: { cursor: 'unknown' } }, signal }),
      ),
    );

    await expect(reading).rejects.toBeInstanceOf(ApiProblemError);
  });
});
