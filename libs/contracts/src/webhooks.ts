/**
 * Events a webhook endpoint can subscribe to. Payloads are thin (ids and states, never personal data): the
 * receiver fetches the details it is allowed to see through the API.
 */
export const WEBHOOK_EVENT_TYPES = ['referral.created', 'referral.status_changed', 'registration.accepted', 'consent.withdrawn', 'learner.erased'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];
