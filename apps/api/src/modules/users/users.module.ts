import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { PlatformUsersController } from './platform-users.controller.js';
import { RegionMembersController } from './region-members.controller.js';
import { UsersService } from './users.service.js';

@Module({
  imports: [AuthModule],
  controllers: [RegionMembersController, PlatformUsersController],
  providers: [UsersService],
  exports: [UsersService],
})
export class UsersModule {}
