import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import type { RegionRole } from '@leerwinkel/contracts';
import type { RegionRef } from './region-registry.repository.js';

interface RegionStore {
  region?: RegionRef;
  /** The caller's role in the region (absent for jobs). */
  role?: RegionRole;
}

/**
 * The current request's region, carried with AsyncLocalStorage (not request-scoped providers): the
 * middleware opens an empty store for every request, the RegionGuard fills it after the registry lookup,
 * and the RegionUnitOfWork reads it.
 */
@Injectable()
export class RegionContext {
  private readonly storage = new AsyncLocalStorage<RegionStore>();

  /** Runs `fn` with a fresh, empty store (one per request, or one per job). */
  run<T>(fn: () => T, region?: RegionRef): T {
    return this.storage.run(region ? { region } : {}, fn);
  }

  enter(region: RegionRef, role?: RegionRole): void {
    const store = this.storage.getStore();
    if (!store) throw new Error('RegionContext.enter() outside a context: is the RegionContextMiddleware applied?');
    store.region = region;
    if (role) store.role = role;
  }

  role(): RegionRole | undefined {
    return this.storage.getStore()?.role;
  }

  current(): RegionRef | undefined {
    return this.storage.getStore()?.region;
  }
}
