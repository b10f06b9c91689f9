import path from 'node:path';
import { findRepoRoot } from '../config.js';
import { createSchema } from './schema.js';

/** `npm run schema`: writes schema.graphql at the repository root from the resolvers. */
const target = path.join(findRepoRoot(), 'schema.graphql');
await createSchema({ publicAppUrl: 'http://localhost:4000', emitSchemaFile: target });
process.stdout.write(`wrote ${target}\n`);
