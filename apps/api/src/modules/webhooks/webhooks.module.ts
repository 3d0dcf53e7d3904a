import { Global, Module } from '@nestjs/common';
import { FieldCipher } from '../../common/crypto/field-cipher.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhookOutbox } from './webhook-outbox.js';
import { PartnerWebhooksController, RegionWebhooksController } from './webhooks.controller.js';
import { WebhooksRepository } from './webhooks.repository.js';
import { WebhooksService } from './webhooks.service.js';

/** Webhook endpoints, the outbox every feature writes its events to, and the dispatcher that sends them. */
@Global()
@Module({
  controllers: [PartnerWebhooksController, RegionWebhooksController],
  providers: [WebhooksService, WebhooksRepository, WebhookDispatcher, WebhookOutbox, FieldCipher],
  exports: [WebhookOutbox, WebhookDispatcher],
})
export class WebhooksModule {}
