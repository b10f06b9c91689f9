// creditmeter's own lint rules (eslint.config.js). Each is seen failing on a planted violation in
// server/test/lint/rules.test.ts.
import { isSqlText, sqlHome } from './sql-literal.mjs';

const literalText = (node) =>
  node.type === 'Literal' && typeof node.value === 'string'
    ? node.value
    : node.type === 'TemplateLiteral'
      ? node.quasis.map((q) => q.value.cooked ?? q.value.raw).join(' ? ')
      : undefined;

const noSqlOutsideRepositories = {
  meta: {
    type: 'problem',
    docs: { description: 'SQL lives in *.repository.ts, a sql/ or queries/ folder, db/ or the migrations' },
    messages: { sql: "SQL outside its home: move it into this feature's *.repository.ts (or its sql/ or queries/ folder)." },
    schema: [],
  },
  create(context) {
    const file = context.filename.replace(/\\/g, '/');
    const rel = file.slice(file.indexOf('server/src/'));
    if (!file.includes('server/src/') || sqlHome(rel) !== 'outside') return {};
    const check = (node) => {
      if (node.parent?.type === 'TemplateLiteral') return;
      const text = literalText(node);
      if (text !== undefined && isSqlText(text)) context.report({ node, messageId: 'sql' });
    };
    return { Literal: check, TemplateLiteral: check };
  },
};

export default { meta: { name: 'creditmeter' }, rules: { 'no-sql-outside-repositories': noSqlOutsideRepositories } };
