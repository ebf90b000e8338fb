import { Module } from '@nestjs/common';

import { OrgModule } from '../org/org.module';
import { FiguresController } from './figures.controller';

@Module({ imports: [OrgModule], controllers: [FiguresController] })
export class FiguresModule {}
