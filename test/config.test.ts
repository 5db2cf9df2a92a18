import { ConfigError, loadConfig } from '../src/config.js';

const GUID = '00000000-1111-2222-3333-444444444444';

describe('loadConfig', () => {
  it('gives working defaults in local mode', () => {
    const c = loadConfig({}, '/srv/virage');
    expect(c.port).toBe(3978);
    expect(c.dataDir).toBe('/srv/virage/data');
    expect(c.microsoftAppId).toBe('');
    expect(c.maxBodyBytes).toBe(256 * 1024);
    expect(c.keepAliveTimeoutMs).toBe(65000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.trustProxy).toBe(false);
    expect(c.directLineResumeHours).toBe(24);
    expect(c.brand.primaryColor).toMatch(/^#[0-9a-f]{6}$/i);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL'],
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL'],
    [{ TRUST_PROXY: 'nginx' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '99' }, 'TRUST_PROXY'],
    [{ DIRECTLINE_RESUME_HOURS: 'un jour' }, 'DIRECTLINE_RESUME_HOURS'],
    [{ PUBLIC_URL: 'pas une url' }, 'PUBLIC_URL'],
    [{ MicrosoftAppId: 'abc' }, 'MicrosoftAppId'],
    [{ MicrosoftAppId: GUID }, 'MicrosoftAppPassword'],
    [{ MicrosoftAppType: 'Other' }, 'MicrosoftAppType'],
    [{ MicrosoftAppId: GUID, MicrosoftAppPassword: 'x', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId'],
    [{ ALLOWED_ORIGINS: 'https://a.fr,not-an-origin' }, 'ALLOWED_ORIGINS'],
    [{ BRAND_PRIMARY_COLOR: 'blue' }, 'BRAND_PRIMARY_COLOR'],
    [{ ALLOW_ANONYMOUS_CHANNELS: 'peut-être' }, 'ALLOW_ANONYMOUS_CHANNELS'],
    [{ DIRECTLINE_TOKEN_KEY: 'court' }, 'DIRECTLINE_TOKEN_KEY'],
    [{ RETENTION_DIAGNOSTIC_DAYS: '0' }, 'RETENTION_DIAGNOSTIC_DAYS'],
    [{ STORE: 'mysql' }, 'STORE'],
    [{ STORE: 'postgres' }, 'DATABASE_URL'],
    [{ STORE: 'postgres', DATABASE_URL: 'mysql://u@h/db' }, 'DATABASE_URL'],
    [{ STORE: 'postgres', DATABASE_URL: 'pas une url' }, 'DATABASE_URL'],
    [{ REDIS_URL: 'http://cache:6379' }, 'REDIS_URL'],
    [{ REDIS_URL: 'pas une url' }, 'REDIS_URL'],
    [{ REDIS_URL: 'redis://cache:6379', REDIS_PREFIX: 'virage prod' }, 'REDIS_PREFIX'],
  ])('rejects %j naming %s, in French and English', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (e) {
      expect((e as ConfigError).variable).toBe(variable);
      expect((e as Error).message).toContain('Configuration invalide');
      expect((e as Error).message).toContain('Invalid configuration');
    }
  });

  it('refuses production without an app id unless anonymous channels are allowed on purpose', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/MicrosoftAppId/);
    expect(loadConfig({ NODE_ENV: 'production', ALLOW_ANONYMOUS_CHANNELS: 'true' }).allowAnonymousChannels).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', MicrosoftAppId: GUID, MicrosoftAppPassword: 's' }).microsoftAppId).toBe(GUID);
  });

  it('parses origins and trims trailing slashes', () => {
    const c = loadConfig({ ALLOWED_ORIGINS: 'https://www.cci-a.fr/, http://localhost:8080', PUBLIC_URL: 'https://bot.cci.fr/' });
    expect(c.allowedOrigins).toEqual(['https://www.cci-a.fr', 'http://localhost:8080']);
    expect(c.publicUrl).toBe('https://bot.cci.fr');
  });

  it('keeps the embedded store by default and takes PostgreSQL from STORE and DATABASE_URL', () => {
    expect(loadConfig({}).store).toEqual({ kind: 'lowdb' });
    const url = 'postgres://virage:secret@db.cci.fr:5432/virage';
    expect(loadConfig({ STORE: 'postgres', DATABASE_URL: url }).store).toEqual({ kind: 'postgres', url });
    expect(loadConfig({ DATABASE_URL: url }).store).toEqual({ kind: 'lowdb' });
  });

  it('takes Redis from REDIS_URL (one instance in memory without it) and REDIS_PREFIX', () => {
    expect(loadConfig({}).redis).toBeUndefined();
    expect(loadConfig({ REDIS_URL: 'redis://:secret@cache:6379' }).redis).toEqual({ url: 'redis://:secret@cache:6379', prefix: 'virage:' });
    expect(loadConfig({ REDIS_URL: 'rediss://cache:6380/2', REDIS_PREFIX: 'cci33:' }).redis).toEqual({
      url: 'rediss://cache:6380/2',
      prefix: 'cci33:',
    });
    expect(() => loadConfig({ REDIS_URL: 'http://u:secret@cache' })).toThrow(/^(?!.*secret)/s);
  });

  it('never repeats DATABASE_URL (and its password) in the error', () => {
    expect(() => loadConfig({ STORE: 'postgres', DATABASE_URL: 'mysql://u:secret@h/db' })).toThrow(/^(?!.*secret)/s);
  });
});
