import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface RateLimitHit {
  key: string;
  /** Hits of this key in the current one-minute window, this one included. */
  hits: number;
  /** Seconds until the current window ends (at least 1). */
  secondsLeft: number;
}

/**
 * The rate-limit counters in PostgreSQL (`platform.rate_limit_window`), so that every API process counts
 * against the same limit. Windows are whole minutes of the database's clock, the same for every process.
 */
@Injectable()
export class RateLimitRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Counts one hit for each key in one statement (one round trip). Keys are taken in sorted order, so
   * concurrent requests lock their rows in the same order. With `prune`, the same statement also removes the
   * rows of past windows.
   */
  async hit(keys: readonly string[], prune: boolean): Promise<RateLimitHit[]> {
    const rows = await this.dataSource.query<{ key: string; hits: number; seconds_left: number }[]>(
      `WITH pruned AS (
         DELETE FROM platform.rate_limit_window WHERE $2::boolean AND window_start < date_trunc('minute', now())
       ), counted AS (
         INSERT INTO platform.rate_limit_window AS w (window_start, key)
         SELECT date_trunc('minute', now()), key FROM unnest($1::text[]) WITH ORDINALITY AS k (key, n) ORDER BY n
         ON CONFLICT (window_start, key) DO UPDATE SET hits = w.hits + 1
         RETURNING key, hits, window_start
       )
       SELECT key, hits, greatest(1, ceil(extract(epoch FROM window_start + interval '1 minute' - now())))::int AS seconds_left FROM counted`,
      [[...new Set(keys)].sort(), prune],
    );
    return rows.map((row) => ({ key: row.key, hits: row.hits, secondsLeft: row.seconds_left }));
  }
}
