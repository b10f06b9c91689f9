import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, watchErrors } from './browser';
import { seedTour } from './seed';
import { tour } from './tour';

let browser: Browser;
let customerKey: string;
beforeAll(async () => {
  browser = await launchChromium();
  customerKey = (await seedTour()).main.key;
});
afterAll(async () => browser?.close());

describe('accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  for (const [label, viewport] of [
    ['desktop', { width: 1366, height: 900 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    it(`finds no serious or critical violation on any page of either app (${label})`, async () => {
      const found: string[] = [];
      const visited: string[] = [];
      const errors: string[] = [];
      await tour(browser, viewport, customerKey, async (page, stop) => {
        if (visited.length === 0) errors.push(...watchErrors(page));
        visited.push(stop.name);
        const axe = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
        // GraphiQL's own tab strip nests its close buttons in the tab element; not ours to change.
        if (stop.app === 'graphiql') axe.exclude('.graphiql-tabs');
        const results = await axe.analyze();
        for (const v of results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
          const where = v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ');
          console.log(`axe: ${stop.name}: ${v.id} ${where}`);
          found.push(`${stop.name}: ${v.id} (${v.impact}) ${v.help} → ${where}`);
        }
      });
      expect(visited.length).toBeGreaterThanOrEqual(25);
      expect(found).toEqual([]);
      expect(errors).toEqual([]);
    }, 300_000);
  }
});
