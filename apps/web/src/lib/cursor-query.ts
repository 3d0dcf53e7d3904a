import { infiniteQueryOptions, queryOptions, type QueryKey } from '@tanstack/react-query';
import { dataOf, type ClientResult } from './api-result';

/** What every paged list of the API answers: one page of items and the cursor of the next page (null at the end). */
export interface CursorPage<Item> {
  items: Item[];
  nextCursor: string | null;
}

/** One generated-client call for the page at `cursor` (undefined: the first page). */
export type FetchPage<Page> = (cursor: string | undefined, signal: AbortSignal) => Promise<ClientResult<Page>>;

/** Infinite-query options for a list read page by page ("Meer laden"), following `nextCursor`. */
export function cursorListQueryOptions<Page extends CursorPage<unknown>, Key extends QueryKey>(
  queryKey: Key,
  fetchPage: FetchPage<Page>,
) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam, signal }) => dataOf(fetchPage(pageParam, signal)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/**
 * Query options for a short list read whole: every page in turn, following `nextCursor`, as one array.
 * Use this when no screen shows the list page by page (pending until the whole list is in); when one does, read it
 * with `cursorListQueryOptions` and `useAllPages` instead, so both share one cache entry.
 */
export function allPagesQueryOptions<Item, Key extends QueryKey>(
  queryKey: Key,
  fetchPage: FetchPage<CursorPage<Item>>,
) {
  return queryOptions({
    queryKey,
    queryFn: async ({ signal }) => {
      const items: Item[] = [];
      let cursor: string | undefined;
      do {
        const page = await dataOf(fetchPage(cursor, signal));
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      return items;
    },
  });
}
