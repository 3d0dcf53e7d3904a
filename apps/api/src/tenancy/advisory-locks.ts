/**
 * Advisory lock keys (two-key form: namespace, key). db:migrate holds MIGRATION exclusively for its whole
 * run; provisioning holds it shared, so a region is never created while the platform schema is changing.
 * Work on one region's schema also takes REGION_SCHEMA for that region.
 */
export const LOCK_NAMESPACE = 0x1e_e5; // "leerwinkel"
export const MIGRATION_LOCK_KEY = 1;
export const REGION_SCHEMA_LOCK_NAMESPACE = 0x1e_e6;
/** Recomputing one region's indicator facts (key: hashtext of the region id), held for the transaction. */
export const INDICATOR_REFRESH_LOCK_NAMESPACE = 0x1e_e7;
