#!/usr/bin/env node
// The repository's `hookwire` bin (`npx hookwire`): runs the TypeScript command through tsx,
// which is a dependency, so the command needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
