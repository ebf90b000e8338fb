import { InitialSchema1795303600000 } from './1795303600000-InitialSchema';

/** Listed explicitly: the API is a webpack bundle, so TypeORM cannot glob for migration files. */
export const MIGRATIONS = [InitialSchema1795303600000];
