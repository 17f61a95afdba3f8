import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { createLivePubSub } from '../realtime/pubsub';
import { buildHookwireSchema } from './schema';

/** The SDL committed as `schema.graphql`: sorted, so the file changes only when the API does. */
export function printHookwireSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

// `npm run schema` rewrites schema.graphql from the resolvers.
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const schema = await buildHookwireSchema(createLivePubSub().pubSub);
  writeFileSync(new URL('../../schema.graphql', import.meta.url), printHookwireSchema(schema));
  console.log('schema.graphql written');
}
