import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor } from '../../common/pagination/page-query.dto.js';
import { DomainError } from '../../common/problem/domain-error.js';
import { RegionRegistryRepository } from '../../tenancy/region-registry.repository.js';
import type { ListRegionsQueryDto, RegionPageDto } from './dto/region-summary.dto.js';

@Injectable()
export class RegionsService {
  constructor(private readonly registry: RegionRegistryRepository) {}

  async list(query: ListRegionsQueryDto): Promise<RegionPageDto> {
    const after = query.cursor === undefined ? undefined : slugFromCursor(query.cursor);
    const rows = await this.registry.listActive(query.limit + 1, after);
    const items = rows.slice(0, query.limit).map(({ slug, displayName }) => ({ slug, displayName }));
    const last = items.at(-1);
    return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ slug: last.slug }) : null };
  }
}

function slugFromCursor(cursor: string): string {
  const position = decodeCursor(cursor);
  if (typeof position === 'object' && position !== null && 'slug' in position && typeof position.slug === 'string') {
    return position.slug;
  }
  throw DomainError.validation([{ field: 'cursor', message: 'cursor must be a cursor returned by this API', rule: 'cursor' }]);
}
