// tsc compiles only TypeScript: the engine's functions (src/ledger/sql/*.sql) are copied beside
// the compiled ledger module, where ledger/engine-functions.ts looks for them. The old copy is
// removed first, so a function file deleted from src/ never lingers in dist/.
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const server = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const target = path.join(server, 'dist', 'server', 'src', 'ledger', 'sql');
rmSync(target, { recursive: true, force: true });
cpSync(path.join(server, 'src', 'ledger', 'sql'), target, { recursive: true });
