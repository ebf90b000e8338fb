import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Post,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { SessionDto } from '@ikuboard/shared/contracts';
import type { Request, Response } from 'express';

import {
  Authenticated,
  CurrentAuth,
  Public,
  type AuthContext,
} from '../../common/access.decorator';
import { Errors } from '../../common/app-error';
import { LoginThrottle } from '../../common/login-throttle';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { AuthService } from './auth.service';
import { LoginBody } from './login.dto';
import { hashToken, SESSION_COOKIE, SessionStore } from './session.store';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @Public()
  @UseInterceptors(LoginThrottle)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Log in with a username and password; sets the session cookie',
  })
  async login(
    @Body() body: LoginBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionDto> {
    const previous: unknown = request.cookies?.[SESSION_COOKIE];
    const result = await this.auth.login(
      body.username,
      body.password,
      typeof previous === 'string' ? hashToken(previous) : null,
    );
    response.cookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
      path: '/',
      expires: result.expiresAt,
    });
    return result.session;
  }

  @Get('session')
  @Authenticated()
  @ApiOperation({
    summary: 'The current session, with the CSRF token to send on writes',
  })
  async session(@CurrentAuth() auth: AuthContext): Promise<SessionDto> {
    const csrfToken = await this.sessions.csrfTokenOf(auth.tokenHash);
    if (!csrfToken) throw Errors.unauthenticated();
    return this.auth.describe(auth.accountId, csrfToken);
  }

  @Post('logout')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'End this session' })
  async logout(
    @CurrentAuth() auth: AuthContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.sessions.delete(auth.tokenHash);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Post('logout-everywhere')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'End every session of this account, on every device',
  })
  async logoutEverywhere(
    @CurrentAuth() auth: AuthContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.sessions.deleteAllOf(auth.accountId);
    response.clearCookie(SESSION_COOKIE, { path: '/' });
  }
}
