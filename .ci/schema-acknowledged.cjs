// graphql-inspector rule: a breaking change listed in docs/schema-changes.acknowledged.json
// (by change type and a regular expression over its message) is reported as dangerous instead of
// breaking, with the reason given there. Anything else breaking still fails the check.
const path = require('node:path');
const acknowledged = require(path.join(__dirname, '..', 'docs', 'schema-changes.acknowledged.json'));

module.exports = ({ changes }) =>
  changes.map((change) => {
    if (change.criticality.level !== 'BREAKING') return change;
    const ack = acknowledged.find((a) => a.type === change.type && new RegExp(a.message).test(change.message));
    return ack ? { ...change, criticality: { level: 'DANGEROUS', reason: `acknowledged: ${ack.reason}` } } : change;
  });
