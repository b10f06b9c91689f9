import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('links follow the port', () => {
  it('PUBLIC_APP_URL defaults to http://localhost:<PORT>', () => {
    expect(loadConfig({}).PUBLIC_APP_URL).toBe('http://localhost:4000');
    expect(loadConfig({ PORT: '4120' }).PUBLIC_APP_URL).toBe('http://localhost:4120');
    expect(loadConfig({ PORT: '4120', PUBLIC_APP_URL: 'https://credits.example.com' }).PUBLIC_APP_URL).toBe('https://credits.example.com');
  });
});

describe('where the server listens', () => {
  it('binds to loopback outside production unless HOST says otherwise', () => {
    expect(loadConfig({}).HOST).toBe('127.0.0.1');
    expect(loadConfig({ NODE_ENV: 'test' }).HOST).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '  ' }).HOST).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '::' }).HOST).toBe('::');
    expect(loadConfig({ NODE_ENV: 'production' }).HOST).toBe('0.0.0.0');
    expect(loadConfig({ NODE_ENV: 'production', HOST: '10.0.0.5' }).HOST).toBe('10.0.0.5');
  });
});

describe('the reconciliation schedule', () => {
  it('defaults to every ten minutes, takes a cron pattern or "off", and refuses anything else at start', () => {
    expect(loadConfig({}).RECONCILIATION_CRON).toBe('*/10 * * * *');
    expect(loadConfig({ RECONCILIATION_CRON: '15 3 * * *' }).RECONCILIATION_CRON).toBe('15 3 * * *');
    expect(loadConfig({ RECONCILIATION_CRON: 'off' }).RECONCILIATION_CRON).toBe('off');
    expect(() => loadConfig({ RECONCILIATION_CRON: 'every day' })).toThrow(/RECONCILIATION_CRON/);
  });
});
