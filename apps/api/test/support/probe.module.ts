import { Get, Module, Post, Query } from '@nestjs/common';
import { RegionController } from '../../src/tenancy/region-controller.decorator.js';
import { RegionUnitOfWork } from '../../src/tenancy/region-unit-of-work.js';

export interface ProbeAnswer {
  schema: string;
  role: string;
  email: string | null;
}

/**
 * Test-only routes on the real stack (RegionGuard, AsyncLocalStorage context, unit of work): write a marker
 * into the region, optionally fail after the write (the transaction must roll back), read back.
 */
@RegionController('probe', 'probe')
class ProbeController {
  constructor(private readonly unitOfWork: RegionUnitOfWork) {}

  @Post()
  write(@Query('marker') marker: string, @Query('fail') fail?: string): Promise<ProbeAnswer> {
    return this.unitOfWork.run(async (manager) => {
      await manager.query('UPDATE region_settings SET contact_email = $1', [marker]);
      await new Promise((resolve) => setImmediate(resolve)); // let other requests interleave mid-transaction
      if (fail === '1') throw new Error(`probe failure after writing ${marker}`);
      return this.read(manager);
    });
  }

  @Get()
  get(): Promise<ProbeAnswer> {
    return this.unitOfWork.run((manager) => this.read(manager));
  }

  private async read(manager: { query: (sql: string) => Promise<unknown> }): Promise<ProbeAnswer> {
    const [row] = (await manager.query(
      'SELECT current_schema() AS schema, current_user AS role, (SELECT contact_email FROM region_settings) AS email',
    )) as [ProbeAnswer];
    return row;
  }
}

@Module({ controllers: [ProbeController] })
export class ProbeModule {}
