import { useEffect } from 'react';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';

/**
 * Every item of a paged list, for a choice or a check that must see all of it (a select of organisations,
 * "is there an active sharing consent"): fetches the next page until there is none. `complete` is false while
 * pages are still coming, so callers do not decide on part of the list.
 * Use this only for a list that another screen also shows page by page under the same key (one cache entry, each
 * page read once); a list never shown page by page is read whole with `allPagesQueryOptions`.
 */
export function useAllPages<Item>(query: UseInfiniteQueryResult<InfiniteData<{ items: Item[] }>>): { items: Item[]; complete: boolean } {
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage]);
  return {
    items: query.data?.pages.flatMap((page) => page.items) ?? [],
    complete: query.isSuccess && !hasNextPage,
  };
}
