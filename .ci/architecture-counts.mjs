#!/usr/bin/env node
// The architecture counts of docs/architecture.md, measured from the code the same way every time:
// `npm run counts` (add `--json` for a machine-readable copy). Reads source as text and syntax; runs nothing.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { isSqlText, sqlHome } from './sql-literal.mjs';

const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('.d.ts'));
const serverSrc = tracked.filter((f) => f.startsWith('server/src/'));
const adminSrc = tracked.filter((f) => f.startsWith('admin/') && !f.startsWith('admin/shared/gql/') && !/\/(e2e|test)\//.test(f));

function parse(file) {
  const text = readFileSync(`${root}/${file}`, 'utf8');
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

function walk(node, visit) {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}

function literalText(node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.head.text + node.templateSpans.map((s) => ' ? ' + s.literal.text).join('');
  return undefined;
}

// 1. SQL literals, by place, and which files touch each table through SQL.
const sql = { total: 0, files: new Set(), byHome: {}, outsideByFile: {}, tablesByFile: {} };
for (const file of serverSrc) {
  const source = parse(file);
  walk(source, (node) => {
    const text = literalText(node);
    if (text === undefined || !isSqlText(text)) return;
    sql.total++;
    sql.files.add(file);
    const home = sqlHome(file);
    sql.byHome[home] = (sql.byHome[home] ?? 0) + 1;
    if (home === 'outside') sql.outsideByFile[file] = (sql.outsideByFile[file] ?? 0) + 1;
    for (const m of text.matchAll(/\b(?:from|join|into|update)\s+(?:only\s+)?([a-z_][a-z0-9_]*)/gi)) {
      (sql.tablesByFile[m[1].toLowerCase()] ??= new Set()).add(file);
    }
  });
}

// 2. Tables (from the migrations) and entities.
const tables = new Set();
for (const file of serverSrc.filter((f) => f.startsWith('server/src/migrations/'))) {
  const text = readFileSync(`${root}/${file}`, 'utf8');
  for (const m of text.matchAll(/create\s+table\s+(?:if\s+not\s+exists\s+)?([a-z_][a-z0-9_]*)/gi)) tables.add(m[1].toLowerCase());
  for (const m of text.matchAll(/alter\s+table\s+(?:if\s+exists\s+)?([a-z_][a-z0-9_]*)\s+rename\s+to\s+([a-z_][a-z0-9_]*)/gi)) {
    tables.delete(m[1].toLowerCase());
    tables.add(m[2].toLowerCase());
  }
  for (const m of text.matchAll(/drop\s+table\s+(?:if\s+exists\s+)?([a-z_][a-z0-9_]*)/gi)) tables.delete(m[1].toLowerCase());
}
const entityTables = new Map();
for (const file of serverSrc) {
  const text = readFileSync(`${root}/${file}`, 'utf8');
  for (const m of text.matchAll(/@Entity\(\{[^}]*tableName:\s*'([a-z_0-9]+)'/g)) entityTables.set(m[1], file);
}
const tablesWithSql = Object.fromEntries(
  Object.entries(sql.tablesByFile)
    .filter(([t]) => tables.has(t))
    .map(([t, files]) => [t, [...files].filter((f) => !f.startsWith('server/src/migrations/'))])
    .filter(([, files]) => files.length > 0),
);
const writtenBothWays = Object.keys(tablesWithSql).filter((t) => entityTables.has(t) && !t.startsWith('ledger'));

// 3. Pools, converters, repository shapes.
let pools = 0;
const converters = [];
const repositories = { entityRepository: 0, otherClass: 0, functions: 0, sqlModules: 0 };
for (const file of serverSrc) {
  const text = readFileSync(`${root}/${file}`, 'utf8');
  pools += (text.match(/new\s+(?:pg\.)?Pool\s*\(|MikroORM\.init\s*\(/g) ?? []).length;
  if (/\.repository\.ts$/.test(file)) {
    if (/extends\s+EntityRepository/.test(text)) repositories.entityRepository++;
    else if (/export\s+class\s/.test(text)) repositories.otherClass++;
    else repositories.functions++;
  }
  if (/\.sql\.ts$/.test(file)) repositories.sqlModules++;
  walk(parse(file), (node) => {
    const name =
      (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name
        ? node.name.getText()
        : ts.isVariableDeclaration(node) &&
            node.initializer &&
            (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
          ? node.name.getText()
          : undefined;
    if (name && /^to[A-Z]/.test(name) && !file.startsWith('server/src/migrations/')) converters.push(`${file}:${name}`);
  });
}

// 4. Functions over 60 lines (blank lines and comments not counted), server/src and admin/.
async function longFunctions(files) {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{ts,tsx}'],
        languageOptions: { parser: (await import('typescript-eslint')).parser, parserOptions: { ecmaFeatures: { jsx: true } } },
      },
      { files: ['**/*.{ts,tsx}'], rules: { 'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }] } },
    ],
  });
  const results = await eslint.lintFiles(files.filter((f) => !f.startsWith('server/src/migrations/')));
  return results.flatMap((r) => r.messages.map((m) => `${relative(root, r.filePath)}:${m.line}`));
}
const longServer = await longFunctions(serverSrc);
const longAdmin = await longFunctions(adminSrc);

// 5. Import cycles in admin/ (and server/src), as madge sees them.
async function cycles(dir, tsConfig) {
  const madge = (await import('madge')).default;
  const graph = await madge(`${root}/${dir}`, {
    fileExtensions: ['ts', 'tsx'],
    tsConfig: `${root}/${tsConfig}`,
    excludeRegExp: [/node_modules/, /\/gql\//],
  });
  return graph.circular();
}
const adminCycles = await cycles('admin', 'admin/tsconfig.json');
const serverCycles = await cycles('server/src', 'server/tsconfig.json');

const report = {
  sqlLiterals: { total: sql.total, files: sql.files.size, byPlace: sql.byHome, outsideByFile: sql.outsideByFile },
  tables: tables.size,
  entities: entityTables.size,
  tablesWithoutEntity: [...tables].filter((t) => !entityTables.has(t)).sort(),
  filesTouchingTableBySql: Object.fromEntries(Object.entries(tablesWithSql).map(([t, f]) => [t, f.length])),
  tablesWithEntityAndRawSql: writtenBothWays,
  pools,
  repositoryShapes: repositories,
  converters: converters.length,
  functionsOver60Lines: { server: longServer.length, admin: longAdmin.length, where: [...longServer, ...longAdmin] },
  importCycles: { admin: adminCycles.length, server: serverCycles.length },
};

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(report, null, 2));
} else if (process.argv.includes('--converters')) {
  console.log(converters.join('\n'));
} else if (process.argv.includes('--table')) {
  console.log((tablesWithSql[process.argv[process.argv.indexOf('--table') + 1]] ?? []).join('\n'));
} else {
  const line = (label, value) => console.log(`${label.padEnd(44)} ${value}`);
  line('SQL literals (files)', `${sql.total} (${sql.files.size})`);
  for (const [home, n] of Object.entries(sql.byHome).sort()) line(`  in ${home}`, n);
  for (const [file, n] of Object.entries(sql.outsideByFile).sort((a, b) => b[1] - a[1])) line(`    ${file}`, n);
  line('tables / entities', `${tables.size} / ${entityTables.size}`);
  line('files reading or writing accounts by SQL', report.filesTouchingTableBySql.accounts ?? 0);
  line('tables with an entity and raw SQL too', writtenBothWays.join(', ') || 'none');
  line('connection pools', pools);
  line('repositories: EntityRepository / class / functions / *.sql.ts', Object.values(repositories).join(' / '));
  line('to* converters', converters.length);
  line('functions over 60 lines: server/src / admin', `${longServer.length} / ${longAdmin.length}`);
  line('import cycles: admin / server/src', `${adminCycles.length} / ${serverCycles.length}`);
}
