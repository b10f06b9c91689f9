// What counts as a SQL literal, and where one may live: shared by the lint rule
// (eslint.config.js, creditmeter/no-sql-outside-repositories) and `npm run counts`.

const STATEMENT =
  /^\s*(select\s|insert\s+into\s|update\s+[a-z_."]+\s+(as\s+\w+\s+)?set\s|delete\s+from\s|with\s+(recursive\s+)?[a-z_]+(\s*\([^)]*\))?\s+as\s*(not\s+)?(materialized\s+)?\(|lock\s+table\s|truncate\s|create\s+(or\s+replace\s+|unique\s+|temp\s+|temporary\s+)*(table|index|function|view|trigger|extension|schema|role|database)\s|alter\s+(table|function|role|database|sequence)\s|drop\s+(table|function|index|view|trigger|schema|database|owned|role)\s|listen\s|notify\s|copy\s|do\s+\$|set\s+(local\s+)?(transaction|session|role|search_path|statement_timeout|lock_timeout)\b|reset\s+role|begin\b|commit\b|rollback\b|savepoint\s|where\s|order\s+by\s|group\s+by\s|left\s+join\s|join\s|on\s+conflict\s|returning\s|values\s*\()/;

/** True when a string or template literal's text is SQL (a statement or a clause of one). Lower-case SQL only: the code writes SQL in lower case, prose starts with a capital. */
export const isSqlText = (text) => STATEMENT.test(text) && text.length > 6;

/** Where SQL may live: a repository, a feature's sql/ or queries/ folder, db/ (backup and restore) and the migrations. */
export function sqlHome(file) {
  if (/\.repository\.ts$/.test(file)) return 'repositories';
  if (/\/(sql|queries)\//.test(file)) return 'sql/ and queries/ folders';
  if (/^server\/src\/db\//.test(file)) return 'db/';
  if (/^server\/src\/migrations\//.test(file)) return 'migrations';
  return 'outside';
}
