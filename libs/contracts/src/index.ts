export { ProblemCode, type ProblemCodeValue } from './problem-codes.js';
export type { Problem, ProblemFieldError } from './problem.js';
export { createApiClient, type ApiClient } from './api/client.js';
export type { paths, components, operations } from './api/schema.js';
export { REGION_SLUG_PATTERN, isRegionSlug } from './region-slug.js';
export { REGION_ROLES, CENTRAL_ROLES, PARTNER_SCOPES, type RegionRole, type CentralRole, type PartnerScope } from './access.js';
export { CODE_LISTS, codes, LOW_QUALIFIED_LEVELS, type CodeListEntry, type CodeListName, type CodeOf } from './code-lists.js';
export { isValidInsz, maskInsz, normaliseInsz } from './insz.js';
export { formatEnterpriseNumber, isValidEnterpriseNumber, normaliseEnterpriseNumber } from './enterprise-number.js';
export { WEBHOOK_EVENT_TYPES, WEBHOOK_DELIVERY_STATUSES, type WebhookEventType, type WebhookDeliveryStatus } from './webhooks.js';
export {
  INDICATOR_IDS,
  INDICATOR_MEASURES,
  INDICATOR_GROUP_BY,
  INDICATOR_LABELS,
  MEASURE_LABELS,
  INDICATOR_CATEGORY_LIST,
  DEFAULT_SUPPRESSION_K,
  categoryLabel,
  type IndicatorId,
  type IndicatorMeasure,
  type IndicatorGroupBy,
} from './indicators.js';
