/**
 * Every queue of the job queue. Queues are tables of their own in pg-boss, so db:migrate creates them as the
 * owner; the API's role may use them, not create tables.
 */
export const JOB_QUEUES = {
  referralsExpire: 'referrals-expire',
  /** Moves new outbox events into deliveries and queues them (on NOTIFY, and every minute as a safety net). */
  webhooksRelay: 'webhooks-relay',
  /** One job per webhook delivery, retried with exponential backoff. */
  webhooksDeliver: 'webhooks-deliver',
  /** Deliveries whose retries are exhausted (pg-boss dead-letter queue). */
  webhooksDead: 'webhooks-dead',
  /** Every 10 minutes: each region recomputes its indicator facts. */
  indicatorsRefresh: 'indicators-refresh',
  /** Nightly: anonymises learners past retention, encrypts health barriers left in plain text. */
  privacyRetention: 'privacy-retention',
  /** Daily: removes webhook events, deliveries and attempts past their retention. */
  webhooksPrune: 'webhooks-prune',
} as const;

export type JobQueueName = (typeof JOB_QUEUES)[keyof typeof JOB_QUEUES];
