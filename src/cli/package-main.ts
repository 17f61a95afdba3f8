#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { createProgram, runProgram } from './program.js';

/**
 * The SDK package's `hookwire` command: the client commands only (the package carries no
 * server). Built to `esm/cli/package-main.js`; its version is the package's.
 */
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
await runProgram(createProgram(version));
