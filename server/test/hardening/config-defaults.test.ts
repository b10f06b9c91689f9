import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('links follow the port', () => {
  it('PUBLIC_APP_URL defaults to http://localhost:<PORT>', () => {
    expect(loadConfig({}).PUBLIC_APP_URL).toBe('http://localhost:4000');
    expect(loadConfig({ PORT: '4120' }).PUBLIC_APP_URL).toBe('http://localhost:4120');
    expect(loadConfig({ PORT: '4120', PUBLIC_APP_URL: 'https://credits.example.com' }).PUBLIC_APP_URL).toBe('https://credits.example.com');
  });
});
