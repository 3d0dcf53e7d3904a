import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { IndicatorReportDto } from './dto/indicator.dto.js';

/**
 * Built central answers, keyed by the request and the version of the facts (which changes with every refresh),
 * so a hit is exactly what a fresh computation would give. Least recently used first out; per process, so
 * several API processes each keep their own (INDICATOR_CACHE_ENTRIES; 0 turns it off).
 */
@Injectable()
export class IndicatorAnswerCache {
  private readonly answers = new Map<string, IndicatorReportDto>();
  private limit: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.limit = config.indicatorCacheEntries;
  }

  get(key: string): IndicatorReportDto | undefined {
    const hit = this.answers.get(key);
    if (hit) {
      this.answers.delete(key);
      this.answers.set(key, hit);
    }
    return hit;
  }

  set(key: string, answer: IndicatorReportDto): void {
    if (this.limit === 0) return;
    this.answers.set(key, answer);
    this.evict();
  }

  /** Changes the number of answers kept (the benchmark measures with and without). */
  resize(limit: number): void {
    this.limit = limit;
    this.evict();
  }

  private evict(): void {
    for (const oldest of this.answers.keys()) {
      if (this.answers.size <= this.limit) break;
      this.answers.delete(oldest);
    }
  }
}
