import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../server/config';

describe('configuration from the environment', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(config.storeDebounceMs).toBe(2000);
    expect(config.storeMaxWaitMs).toBe(10_000);
  });

  it('reads the variables it documents', () => {
    const config = loadConfig({ PORT: '8080', DATA_DIR: '/tmp/t', PUBLIC_URL: 'https://tablica.example.org/', SECRET: 'x'.repeat(40) });
    expect(config).toMatchObject({ port: 8080, dataDir: '/tmp/t', publicUrl: 'https://tablica.example.org', secret: 'x'.repeat(40) });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PUBLIC_URL', 'not a url'],
    ['SECRET', 'short'],
    ['LOG_LEVEL', 'loud'],
    ['STORE_DEBOUNCE_MS', '-1'],
    ['TRUST_PROXY', 'true'],
    ['TRUST_PROXY', 'nginx.local'],
    ['TRUST_PROXY', '10.0.0.0/33'],
    ['TRUST_PROXY', '10.0.0.1,'],
  ])('a bad %s=%s stops start-up with a message naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });

  it('trusts no proxy unless TRUST_PROXY says which: a hop count or proxy addresses and CIDRs', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,fd00::/8,loopback' }).trustProxy).toEqual(['10.0.0.5', '10.1.0.0/16', 'fd00::/8', 'loopback']);
  });
});
