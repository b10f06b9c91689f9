import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Each architecture rule of `npm run lint`, seen failing on a planted violation and passing on the
 * same code in its allowed place: a rule that can no longer fail would otherwise pass unnoticed.
 */
const repo = fileURLToPath(new URL('../../../', import.meta.url));
const eslint = new ESLint({ cwd: repo });

async function eslintRules(path: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: join(repo, path) });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

const sqlService = "export const find = (id: string) => ['select id from accounts where id = $1', id];\n";
/** A function of `body + 4` lines. */
const longFunction = (body: number) => `export function long(): number {\n  let n = 0;\n${'  n += 1;\n'.repeat(body)}  return n;\n}\n`;

describe('ESLint: SQL lives in repositories, sql/ and queries/ folders, db/ and migrations', () => {
  it('refuses a SQL literal in a service', async () => {
    expect(await eslintRules('server/src/accounts/planted.service.ts', sqlService)).toContain('creditmeter/no-sql-outside-repositories');
  });
  it('refuses SQL in a template literal', async () => {
    const text = 'export const q = (t: string) => `update accounts set name = ${t}`;\n';
    expect(await eslintRules('server/src/accounts/planted.ts', text)).toContain('creditmeter/no-sql-outside-repositories');
  });
  it.each(['server/src/accounts/planted.repository.ts', 'server/src/finance/queries/planted.ts', 'server/src/ledger/sql/planted.ts'])(
    'allows it in %s',
    async (path) => {
      expect(await eslintRules(path, sqlService)).not.toContain('creditmeter/no-sql-outside-repositories');
    },
  );
  it('leaves prose alone', async () => {
    const text = "export const message = 'Select a pack, then update your card.';\n";
    expect(await eslintRules('server/src/accounts/planted.service.ts', text)).toEqual([]);
  });
});

describe('ESLint: functions of at most 60 lines, resolvers of at most 30', () => {
  it('refuses a 61-line function in server/src', async () => {
    expect(await eslintRules('server/src/accounts/planted.service.ts', longFunction(57))).toContain('max-lines-per-function');
  });
  it('allows a 60-line one', async () => {
    expect(await eslintRules('server/src/accounts/planted.service.ts', longFunction(56))).toEqual([]);
  });
  it('refuses a 31-line resolver function', async () => {
    expect(await eslintRules('server/src/accounts/planted.resolver.ts', longFunction(27))).toContain('max-lines-per-function');
  });
});

describe('ESLint: the console is under the same function-length rule', () => {
  it('refuses a 61-line function in admin/', async () => {
    expect(await eslintRules('admin/console/planted/Planted.tsx', longFunction(57))).toContain('max-lines-per-function');
  });
  it('allows a 60-line one', async () => {
    expect(await eslintRules('admin/console/planted/Planted.tsx', longFunction(56))).toEqual([]);
  });
});

describe('ESLint: one error taxonomy, and no error dropped without a trace', () => {
  const planted = 'server/src/accounts/planted.service.ts';
  it('refuses a plain Error subclass outside shared/errors.ts', async () => {
    expect(await eslintRules(planted, 'export class Oops extends Error {}\n')).toContain('no-restricted-syntax');
  });
  it('refuses an empty catch and .catch(() => undefined)', async () => {
    const empty = 'export function f(g: () => void): void {\n  try {\n    g();\n  } catch {\n    // nothing\n  }\n}\n';
    expect(await eslintRules(planted, empty)).toContain('no-restricted-syntax');
    const dropped = 'export const f = (p: Promise<void>) => p.catch(() => undefined);\n';
    expect(await eslintRules(planted, dropped)).toContain('no-restricted-syntax');
  });
  it('allows a catch that handles the case, and a DomainError kind', async () => {
    const handled =
      'export function f(g: () => void): boolean {\n  try {\n    g();\n    return true;\n  } catch {\n    return false;\n  }\n}\n';
    expect(await eslintRules(planted, handled)).toEqual([]);
    const kind = "import { DomainError } from '../shared/errors.js';\nexport class Refused extends DomainError {}\n";
    expect(await eslintRules(planted, kind)).toEqual([]);
  });
});

describe('dependency-cruiser: boundaries between features', () => {
  const planted = mkdtempSync(join(tmpdir(), 'cm-depcruise-'));
  afterAll(() => rmSync(planted, { recursive: true, force: true }));
  const plant = (files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(planted, path)), { recursive: true });
      writeFileSync(join(planted, path), text);
    }
  };

  async function violations(entry: string, configFile = '.dependency-cruiser.cjs'): Promise<string[]> {
    const { cruise } = await import('dependency-cruiser');
    const { createRequire } = await import('node:module');
    const config = createRequire(import.meta.url)(join(repo, configFile));
    const result = await cruise([entry], {
      ruleSet: { forbidden: config.forbidden },
      baseDir: planted,
      tsPreCompilationDeps: true,
      validate: true,
      enhancedResolveOptions: config.options.enhancedResolveOptions,
    });
    const output = result.output as { summary: { violations: { rule: { name: string } }[] } };
    return output.summary.violations.map((v) => v.rule.name);
  }

  plant({
    'server/src/alpha/alpha.service.ts': "import { BetaEntity } from '../beta/beta.entity.js';\nexport const a = BetaEntity;\n",
    'server/src/alpha/alpha-own.service.ts': "import { AlphaEntity } from './alpha.entity.js';\nexport const a = AlphaEntity;\n",
    'server/src/alpha/alpha.entity.ts': 'export class AlphaEntity {}\n',
    'server/src/beta/beta.entity.ts': 'export class BetaEntity {}\n',
    'server/src/beta/beta.repository.ts': 'export class BetaRepository {}\n',
    'server/src/gamma/gamma.service.ts': "import { BetaRepository } from '../beta/beta.repository.js';\nexport const g = BetaRepository;\n",
    'server/src/cycle/one.ts': "import { two } from './two.js';\nexport const one = () => two;\n",
    'server/src/cycle/two.ts': "import { one } from './one.js';\nexport const two = () => one;\n",
    'admin/credits/Card.tsx': "import { App } from './App.js';\nexport const Card = () => App;\n",
    'admin/credits/App.tsx': "import { Card } from './Card.js';\nexport const App = () => Card;\n",
    'admin/credits/Server.ts': "import { secret } from '../../server/src/config.js';\nexport const s = secret;\n",
    'server/src/config.ts': 'export const secret = 1;\n',
  });

  it("refuses an import of another feature's entity", async () => {
    expect(await violations('server/src/alpha/alpha.service.ts')).toContain('no-foreign-repository');
  });
  it("refuses an import of another feature's repository", async () => {
    expect(await violations('server/src/gamma/gamma.service.ts')).toContain('no-foreign-repository');
  });
  it("allows a feature's own entity", async () => {
    expect(await violations('server/src/alpha/alpha-own.service.ts')).toEqual([]);
  });
  it('refuses an import cycle', async () => {
    expect(await violations('server/src/cycle/one.ts')).toContain('no-circular');
  });
  it('refuses an import cycle in the console', async () => {
    expect(await violations('admin/credits/App.tsx', '.dependency-cruiser.admin.cjs')).toContain('no-circular');
  });
  it('keeps server-only modules out of the console bundle', async () => {
    expect(await violations('admin/credits/Server.ts', '.dependency-cruiser.admin.cjs')).toContain(
      'console-imports-only-shared-server-code',
    );
  });
});
