/**
 * Every queue of the job queue. Queues are tables of their own in pg-boss, so db:migrate creates them as the
 * owner; the API's role may use them, not create tables.
 */
export const JOB_QUEUES = {
  referralsExpire: 'referrals-expire',
} as const;

export type JobQueueName = (typeof JOB_QUEUES)[keyof typeof JOB_QUEUES];
