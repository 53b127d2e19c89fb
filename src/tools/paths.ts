import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
/** Binaries the project builds or fetches itself; git-ignored, reused by every later run. */
export const toolsDir = join(projectRoot, '.tools');
