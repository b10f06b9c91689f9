import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findRepoRoot } from '../../src/config.js';
import { metricsRegistry } from '../../src/metrics/metrics.js';

/** Structural checks (promtool runs in .ci/run as well), plus "every metric it reads is exported". */
const file = path.join(findRepoRoot(), 'ops', 'alerts.yml');
const DURATION = /^(\d+(ms|s|m|h|d|w|y))+$/;

interface Rule {
  alert?: string;
  record?: string;
  expr?: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

const exported = () => new Set(metricsRegistry.getMetricsAsArray().map((m) => m.name));

const PROMQL_WORDS = new Set([
  'sum',
  'rate',
  'increase',
  'by',
  'and',
  'or',
  'unless',
  'offset',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'avg',
  'max',
  'min',
  'count',
]);

/** Metric names an expression reads: identifiers outside label matchers that are not functions, keywords or durations. */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"[^"]*"/g, '""')
    .replace(/\{[^}]*\}/g, '{}')
    .replace(/\[[^\]]*\]/g, '[]');
  return [...bare.matchAll(/\b([a-z_:][a-z0-9_:]*)\b(?!\s*\()/g)].map((m) => m[1]).filter((n) => !PROMQL_WORDS.has(n));
}

describe('ops/alerts.yml', () => {
  const doc = parse(readFileSync(file, 'utf8')) as { groups: { name: string; rules: Rule[] }[] };

  it('is a Prometheus rules file: named groups of rules with alert, expr, durations, severity and a summary', () => {
    expect(Array.isArray(doc.groups)).toBe(true);
    const groupNames = doc.groups.map((g) => g.name);
    expect(new Set(groupNames).size).toBe(groupNames.length);
    for (const group of doc.groups) {
      expect(group.name).toMatch(/\S/);
      expect(group.rules.length).toBeGreaterThan(0);
      for (const rule of group.rules) {
        expect(
          Object.keys(rule).every((k) => ['alert', 'record', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations'].includes(k)),
        ).toBe(true);
        expect(rule.alert).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
        expect(typeof rule.expr).toBe('string');
        if (rule.for !== undefined) expect(rule.for).toMatch(DURATION);
        for (const m of (rule.expr as string).matchAll(/\[([^\]]+)\]/g)) expect(m[1]).toMatch(DURATION);
        for (const m of (rule.expr as string).matchAll(/offset\s+([0-9a-z]+)/g)) expect(m[1]).toMatch(DURATION);
        expect(['page', 'warn']).toContain(rule.labels?.severity);
        expect(rule.annotations?.summary).toMatch(/\S/);
        // Balanced brackets: a cheap syntax check promtool would also fail.
        for (const [open, close] of [
          ['(', ')'],
          ['[', ']'],
          ['{', '}'],
        ]) {
          expect((rule.expr as string).split(open).length).toBe((rule.expr as string).split(close).length);
        }
      }
    }
  });

  it('only names metrics that /metrics exports', () => {
    const names = exported();
    const used = doc.groups.flatMap((g) => g.rules.flatMap((r) => metricNames(r.expr ?? '')));
    expect(used.length).toBeGreaterThan(0);
    for (const name of used) expect(names, `${name} is not exported`).toContain(name);
  });

  it("holds the seed's alerts: webhook failures for 5 minutes, 402 spike, margin, reconciliation", () => {
    const rules = doc.groups.flatMap((g) => g.rules);
    const byName = Object.fromEntries(rules.map((r) => [r.alert, r]));
    expect(byName.StripeWebhookFailures).toMatchObject({ for: '5m' });
    expect(byName.StripeWebhookFailures.expr).toContain('stripe_webhook_failures_total');
    expect(byName.InsufficientCreditsSpike.expr).toMatch(/billing_402_insufficient_credits_total[\s\S]*offset/);
    expect(byName.NegativeGrossMarginDay.expr).toMatch(/margin_gross_daily_usd.*< 0/);
    expect(byName.GrossMarginBelowTarget.expr).toContain('creditmeter_revenue_usd');
    expect(byName.ReconciliationMismatch.expr).toContain('creditmeter_reconciliation_mismatches_total');
  });

  it('pages on any failed proxy settle (a call that ran but could not be charged)', () => {
    const rule = doc.groups.flatMap((g) => g.rules).find((r) => r.expr?.includes('proxy_settle_failures_total'));
    expect(rule).toMatchObject({ alert: 'ProxySettleFailures', labels: { severity: 'page' } });
    expect(rule!.expr).toMatch(/increase\(proxy_settle_failures_total\[\d+m\]\)\) > 0/);
  });

  it('rejects a broken file (the validator can fail)', () => {
    const names = exported();
    expect(metricNames('rate(creditmeter_made_up_total[5m]) > 0').every((n) => names.has(n))).toBe(false);
    expect('5 minutes').not.toMatch(DURATION);
  });
});
