import type { EntityManager } from 'typeorm';
import { currentIdempotencyClaim, markIdempotencyCommitted } from '../common/http/idempotency.js';

/**
 * The last statement of a region or partner unit of work. In an idempotent request, a transaction that
 * wrote anything also marks the request's key `committed` — atomically with the changes. From then on the
 * key is never freed (only its answer is added), so no retry can do the work a second time, whatever happens
 * to the answer (the database going away before it is stored, the process dying).
 */
export async function finishUnitOfWork(manager: EntityManager): Promise<void> {
  const claim = currentIdempotencyClaim();
  if (!claim) return;
  // The region or partner role may not touch the platform schema: the key is marked as the API's login role
  // (nothing else runs in this transaction after it). An xid is assigned only once a transaction wrote.
  const [state] = await manager.query<{ wrote: boolean }[]>(
    "SELECT pg_current_xact_id_if_assigned() IS NOT NULL AS wrote, set_config('role', 'none', true)",
  );
  if (state?.wrote) await markIdempotencyCommitted(manager, claim);
}
