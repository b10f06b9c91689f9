import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'vitest';
import { launchChromium } from './browser';
import { seedTour } from './seed';
import { repoRoot } from './server';
import { tour } from './tour';

const dir = path.join(repoRoot, 'docs/screenshots');

/** `npm run screenshots`: every page at desktop and 390 px phone width, into docs/screenshots/. */
describe('screenshots', () => {
  it('writes every page at desktop and phone width', async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const browser = await launchChromium();
    const { main } = await seedTour();
    for (const [label, viewport] of [['desktop', { width: 1366, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
      await tour(browser, viewport, main.key, async (page, stop) => {
        await page.mouse.move(0, 0);
        await page.screenshot({ path: path.join(dir, `${stop.name}-${label}.png`), fullPage: stop.app !== 'graphiql' });
      });
    }
    await browser.close();
    console.log(readdirSync(dir).sort().join('\n'));
  }, 600_000);
});
