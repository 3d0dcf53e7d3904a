import type { MigrationClass } from '../../migration-runner.js';
import { CreatePlatform1764403200000 } from './1764403200000-create-platform.js';
import { CreateIdentity1764489600000 } from './1764489600000-create-identity.js';
import { CreatePartnerCatalogue1764662400000 } from './1764662400000-create-partner-catalogue.js';
import { CreateExchange1764748800000 } from './1764748800000-create-exchange.js';
import { CreateRegistrations1764835200000 } from './1764835200000-create-registrations.js';
import { CreateIdempotency1764921600000 } from './1764921600000-create-idempotency.js';
import { CreateWebhooks1765008000000 } from './1765008000000-create-webhooks.js';
import { CreateAnalytics1765094400000 } from './1765094400000-create-analytics.js';
import { ChainAudit1765267200000 } from './1765267200000-chain-audit.js';
import { IndexIndicatorFacts1765353600000 } from './1765353600000-index-indicator-facts.js';
import { IdempotencyCommitted1765440000000 } from './1765440000000-idempotency-committed.js';
import { CreateRateLimits1765443600000 } from './1765443600000-create-rate-limits.js';

/** Platform migrations, applied to the `platform` schema in timestamp order. */
export const platformMigrations: readonly MigrationClass[] = [CreatePlatform1764403200000, CreateIdentity1764489600000, CreatePartnerCatalogue1764662400000, CreateExchange1764748800000, CreateRegistrations1764835200000, CreateIdempotency1764921600000, CreateWebhooks1765008000000, CreateAnalytics1765094400000, ChainAudit1765267200000, IndexIndicatorFacts1765353600000, IdempotencyCommitted1765440000000, CreateRateLimits1765443600000];
