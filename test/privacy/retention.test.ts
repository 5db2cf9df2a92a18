import { PrivacyRegistry } from '../../src/privacy/registry.js';
import { startRetention } from '../../src/privacy/retention.js';
import { silentLogger } from '../../src/log.js';
import { startVirage } from '../helpers/virage.js';
import { activity, turn } from '../helpers/emulator.js';

describe('retention', () => {
  it('purges every registered source and the extra purges', async () => {
    const reg = new PrivacyRegistry({ a: 'data' });
    const seen: Date[] = [];
    reg.register({ name: 'a', description: '', export: async () => null, erase: async () => 0, purge: async (now) => (seen.push(now), 2) });
    const job = startRetention(reg, [{ name: 'extra', purge: async () => 5 }], silentLogger, 3600_000);
    const now = new Date('2027-01-01T00:00:00Z');
    expect(await job.runOnce(now)).toEqual({ a: 2, extra: 5 });
    expect(seen).toEqual([now]);
    job.stop();
  });

  it('forgets a person whose last message is older than the conversation retention', async () => {
    const app = await startVirage({ RETENTION_CONVERSATION_DAYS: '30' });
    try {
      await turn(app.url, activity({ text: 'bonjour' }, 'r-1', 'old-user'));
      const subject = 'emulator:old-user';
      const before = await app.virage.privacy.exportFor(subject);
      expect(before.sources.find((s) => s.name === 'conversation')!.data).not.toBeNull();
      const in10days = new Date(Date.now() + 10 * 86400000);
      await app.virage.retention.runOnce(in10days);
      expect((await app.virage.privacy.exportFor(subject)).sources.find((s) => s.name === 'conversation')!.data).not.toBeNull();
      const in40days = new Date(Date.now() + 40 * 86400000);
      const purged = await app.virage.retention.runOnce(in40days);
      expect(purged.conversation).toBeGreaterThanOrEqual(1);
      expect((await app.virage.privacy.exportFor(subject)).sources.find((s) => s.name === 'conversation')!.data).toBeNull();
    } finally {
      await app.stop();
    }
  });
});
