// Hole 6: behind the reverse proxy the README asks for, every limit keyed on the proxy's address: the
// whole site got 30 chat sessions then 20 a minute, and anyone could lock any advisor out (hard block
// for 15 minutes keyed on login + IP). TRUST_PROXY tells which X-Forwarded-For hops to believe; one
// place reads the client address; failed logins slow down (backoff) without locking the owner out.
import { loadConfig, ConfigError } from '../../src/config.js';
import { PASSWORD } from '../handoff/helpers.js';
import { startVirage, tempDataDir, type Running } from '../helpers/virage.js';
import { advisorsFile, login, postJson } from './net.js';

const TOKEN = '/api/directline/token';

describe('TRUST_PROXY', () => {
  it('is validated: hop count or address list, French error naming the variable', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8']);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: 'le proxy' })).toThrow(ConfigError);
    expect(() => loadConfig({ TRUST_PROXY: 'le proxy' })).toThrow(/TRUST_PROXY/);
  });

  describe('behind a trusted proxy (TRUST_PROXY=loopback)', () => {
    let app: Running;
    beforeAll(async () => {
      const dataDir = tempDataDir();
      app = await startVirage({ TRUST_PROXY: 'loopback', ADVISORS_FILE: await advisorsFile(dataDir) }, dataDir);
    });
    afterAll(() => app.stop());

    it('limits chat sessions per visitor, not for the whole site', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 60; i++)
        statuses.push((await postJson(`${app.url}${TOKEN}`, {}, { 'X-Forwarded-For': `203.0.113.${i + 1}` })).status);
      expect(statuses.filter((s) => s !== 200)).toEqual([]);
      // One visitor alone is still limited.
      let last = 0;
      for (let i = 0; i < 80 && last !== 429; i++)
        last = (await postJson(`${app.url}${TOKEN}`, {}, { 'X-Forwarded-For': '198.51.100.50' })).status;
      expect(last).toBe(429);
    });

    it('does not let a stranger lock an advisor out; the same address only slows down, briefly', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await login(app.url, 'karim.benali', 'mauvais-mot-de-passe', '203.0.113.66')).status);
      expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]);
      const slowed = await login(app.url, 'karim.benali', 'mauvais-mot-de-passe', '203.0.113.66');
      expect(slowed.status).toBe(429);
      expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(slowed.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      // The owner, from their own address, gets in at once.
      expect((await login(app.url, 'karim.benali', PASSWORD, '198.51.100.7')).status).toBe(200);
    });
  });

  describe('without TRUST_PROXY', () => {
    let app: Running;
    beforeAll(async () => {
      app = await startVirage();
    });
    afterAll(() => app.stop());

    it('ignores X-Forwarded-For (a client cannot dodge the limit by forging it)', async () => {
      let last = 0;
      for (let i = 0; i < 80 && last !== 429; i++)
        last = (await postJson(`${app.url}${TOKEN}`, {}, { 'X-Forwarded-For': `203.0.113.${i + 1}` })).status;
      expect(last).toBe(429);
    });
  });
});
