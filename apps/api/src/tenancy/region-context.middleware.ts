import { Injectable, type NestMiddleware } from '@nestjs/common';
import { RegionContext } from './region-context.js';

/** Gives every request its own empty region store before any guard runs. */
@Injectable()
export class RegionContextMiddleware implements NestMiddleware {
  constructor(private readonly context: RegionContext) {}

  use(_request: unknown, _response: unknown, next: () => void): void {
    this.context.run(next);
  }
}
