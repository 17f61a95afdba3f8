import { VERSION } from '../version.js';
import { createProgram, runProgram } from './program.js';
import { serverCommands } from './server-commands.js';

/** The repository's `hookwire` command (`npx hookwire`): the client commands plus serve, migrate, admin-key. */
await runProgram(createProgram(VERSION, serverCommands()));
