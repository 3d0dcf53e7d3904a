export { ProblemCode, type ProblemCodeValue } from './problem-codes.js';
export type { Problem, ProblemFieldError } from './problem.js';
export { createApiClient, type ApiClient } from './api/client.js';
export type { paths, components, operations } from './api/schema.js';
export { REGION_SLUG_PATTERN, isRegionSlug } from './region-slug.js';
export { REGION_ROLES, CENTRAL_ROLES, PARTNER_SCOPES, type RegionRole, type CentralRole, type PartnerScope } from './access.js';
export { CODE_LISTS, codes, LOW_QUALIFIED_LEVELS, type CodeListEntry, type CodeListName, type CodeOf } from './code-lists.js';
export { isValidInsz, maskInsz, normaliseInsz } from './insz.js';
export { formatEnterpriseNumber, isValidEnterpriseNumber, normaliseEnterpriseNumber } from './enterprise-number.js';
