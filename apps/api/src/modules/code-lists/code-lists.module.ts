import { Module } from '@nestjs/common';
import { CodeListsController } from './code-lists.controller.js';

@Module({ controllers: [CodeListsController] })
export class CodeListsModule {}
