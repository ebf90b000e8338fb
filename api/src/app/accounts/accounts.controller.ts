import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  PERMISSIONS,
  type AccountDto,
  type LinkableEmployeeDto,
} from '@ikuboard/shared/contracts';

import {
  CurrentAuth,
  RequirePermission,
  type AuthContext,
} from '../../common/access.decorator';
import {
  AccountCreateBody,
  AccountLinkBody,
  AccountPasswordBody,
  AccountUpdateBody,
  LinkableEmployeeQuery,
} from './accounts.dto';
import { AccountsService } from './accounts.service';

/**
 * Account management. Every route needs account:manage-non-admin (HR and admins); the service
 * additionally refuses HR on admin and HR accounts (403 ACCOUNT_ADMIN_ONLY).
 */
@ApiTags('accounts')
@Controller('accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @RequirePermission(PERMISSIONS.manageNonAdminAccounts)
  @ApiOperation({ summary: "The organization's accounts" })
  list(@CurrentAuth() auth: AuthContext): Promise<AccountDto[]> {
    return this.accounts.list(auth);
  }

  @Get('employees')
  @RequirePermission(PERMISSIONS.manageNonAdminAccounts)
  @ApiOperation({
    summary:
      'Employees by 職員番号 or name, with the account each is linked to (link picker)',
  })
  employees(
    @CurrentAuth() auth: AuthContext,
    @Query() query: LinkableEmployeeQuery,
  ): Promise<LinkableEmployeeDto[]> {
    return this.accounts.employees(auth.organizationId, query.q);
  }

  @Post()
  @RequirePermission(PERMISSIONS.manageNonAdminAccounts)
  @ApiOperation({
    summary: 'Create an account (password policy of create-admin)',
  })
  create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: AccountCreateBody,
  ): Promise<AccountDto> {
    return this.accounts.create(auth, body);
  }

  @Put(':id')
  @RequirePermission(PERMISSIONS.manageNonAdminAccounts)
  @ApiOperation({ summary: 'Change display name, role and committee chair' })
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: AccountUpdateBody,
  ): Promise<AccountDto> {
    return this.accounts.update(auth, id, body);
  }

  @Delete(':id')
  @RequirePermission(PERMISSIONS.manageNonAdminAccounts)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete an account and end its sessions' })
  remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<void> {
    return this.accounts.remove(auth, id);
  }

  @Post(':id/password')
  @RequirePermission(PERMISSIONS.manageNonAdminAccounts)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Set a new password; unlocks and ends the account’s sessions',
  })
  resetPassword(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: AccountPasswordBody,
  ): Promise<void> {
    return this.accounts.resetPassword(auth, id, body.password);
  }

  @Post(':id/unlock')
  @RequirePermission(PERMISSIONS.manageNonAdminAccounts)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Clear the lock after failed logins' })
  unlock(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<AccountDto> {
    return this.accounts.unlock(auth, id);
  }

  @Put(':id/employee')
  @RequirePermission(PERMISSIONS.manageNonAdminAccounts)
  @ApiOperation({ summary: 'Link the account to an employee (職員番号)' })
  link(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: AccountLinkBody,
  ): Promise<AccountDto> {
    return this.accounts.link(auth, id, body.employeeNumber);
  }

  @Delete(':id/employee')
  @RequirePermission(PERMISSIONS.manageNonAdminAccounts)
  @ApiOperation({ summary: 'Unlink the account from its employee' })
  unlink(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<AccountDto> {
    return this.accounts.unlink(auth, id);
  }
}
