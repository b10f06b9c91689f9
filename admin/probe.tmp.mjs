import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const p = await b.newPage({ viewport: { width: Number(process.env.W ?? 1280), height: 900 } });
p.on('console', (m) => m.type() !== 'info' && console.log('console:', m.type(), m.text().slice(0, 400)));
p.on('pageerror', (e) => console.log('pageerror', e.message));
await p.goto('http://localhost:4140' + (process.env.P ?? '/admin/'));
await p.waitForTimeout(Number(process.env.T ?? 3000));
await p.screenshot({ path: '/tmp/probe.png', fullPage: true });
await b.close();
