import { readFileSync } from 'node:fs';

/** hookwire's version, from package.json; sent as `user-agent: hookwire/<version>`. */
export const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
