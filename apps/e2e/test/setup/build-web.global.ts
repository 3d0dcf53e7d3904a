import { ensureBuilt } from '../../src/builds.js';

/** The static checks read the built SPA (apps/web/dist): build it unless a fresh build is there. */
export default function setup(): void {
  ensureBuilt('web');
}
