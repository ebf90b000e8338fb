import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequestDto } from '@ikuboard/shared/contracts';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginBody implements LoginRequestDto {
  @ApiProperty({ example: 'hr' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  username!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  password!: string;
}
