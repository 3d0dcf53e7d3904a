import type { MigrationClass } from '../../migration-runner.js';
import { CreateRegionSettings1764403200000 } from './1764403200000-create-region-settings.js';
import { CreateGuidance1764576000000 } from './1764576000000-create-guidance.js';
import { CreateReferrals1764748800000 } from './1764748800000-create-referrals.js';
import { CreateOfferGaps1765094400000 } from './1765094400000-create-offer-gaps.js';
import { CreateDataProtection1765180800000 } from './1765180800000-create-data-protection.js';

/** Region migrations, applied to every region schema in timestamp order. */
export const regionMigrations: readonly MigrationClass[] = [CreateRegionSettings1764403200000, CreateGuidance1764576000000, CreateReferrals1764748800000, CreateOfferGaps1765094400000, CreateDataProtection1765180800000];
