import 'reflect-metadata';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express from 'express';
import compression from 'compression';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import { ConnectionDrain } from './common/http/graceful-shutdown.js';
import { createHttpLogger, PinoNestLogger } from './common/logging/logger.js';
import { createOpenApiDocument } from './common/openapi/openapi.js';
import { ProblemFilter } from './common/problem/problem.filter.js';
import { createValidationPipe, NoNulCharacterPipe } from './common/problem/validation.js';
import type { AppConfig } from './config/config.js';

export interface CreateAppOptions {
  logger: Logger;
  /** Test-only modules mounted on the real stack. */
  extraModules?: DynamicModule['imports'];
  /** Build without connecting anything (OpenAPI generation). */
  preview?: boolean;
}

/**
 * Builds the HTTP application exactly as it runs: security headers, body limit, request ids and logs,
 * validation, problem+json errors, OpenAPI and, when built, the SPA. Used by `pnpm start`, main.ts and tests.
 */
export async function createApp(config: AppConfig, options: CreateAppOptions): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options.extraModules), {
    bodyParser: false,
    logger: new PinoNestLogger(options.logger),
    abortOnError: false,
    ...(options.preview ? { preview: true } : {}),
  });
  app.disable('x-powered-by');
  // Shutdown: answers sent while draining close their connection (see ConnectionDrain).
  if (!options.preview) app.use(app.get(ConnectionDrain).use);
  app.set('query parser', 'simple');
  app.use(createHttpLogger(options.logger));
  app.use(helmet());
  // gzip for the SPA's assets and larger JSON answers (nginx does this in the compose deployment too).
  app.use(compression({ threshold: 1024 }));
  if (config.trustProxy !== undefined) app.set('trust proxy', /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy);
  app.use(express.json({ limit: config.bodyLimit, type: ['application/json', 'application/*+json'] }));
  app.use(express.urlencoded({ limit: config.bodyLimit, extended: false, parameterLimit: 20 })); // OAuth2 token requests
  app.use(cookieParser());
  app.setGlobalPrefix('api');
  app.useGlobalPipes(new NoNulCharacterPipe(), createValidationPipe());
  app.useGlobalFilters(new ProblemFilter());

  const document = createOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
    customSiteTitle: 'Leerwinkel API',
  });

  if (config.web.serve) serveWebApp(app, config.web.distDir, options.logger);
  return app;
}

/** The built SPA at `/`: hashed assets cached for a year, every other non-API GET answers index.html. */
function serveWebApp(app: NestExpressApplication, distDir: string, logger: Logger): void {
  const index = path.join(distDir, 'index.html');
  if (!existsSync(index)) {
    logger.warn({ distDir }, 'web app not built: run `pnpm build` to serve it at /');
    return;
  }
  const isApi = (request: express.Request) => request.path === '/api' || request.path.startsWith('/api/');
  const assets = express.static(distDir, {
    index: false,
    setHeaders: (response, file) => {
      response.setHeader('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  // API requests never look for a file (express.static would stat one for every API GET).
  app.use((request: express.Request, response: express.Response, next: express.NextFunction) => {
    if (isApi(request)) {
      next();
      return;
    }
    assets(request, response, next);
  });
  app.use((request: express.Request, response: express.Response, next: express.NextFunction) => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isApi(request)) {
      next();
      return;
    }
    response.setHeader('cache-control', 'no-cache');
    response.sendFile(index);
  });
}
