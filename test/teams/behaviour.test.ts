// Teams activities (recorded-style fixtures) through /api/messages, replies captured at serviceUrl.
import { messages } from '../../dialogs/messages.js';
import { teamsRenderingProblems } from '../../src/bot/teams-cards.js';
import { startCapture, type Capture } from '../helpers/emulator.js';
import { startVirage, type Running } from '../helpers/virage.js';
import { postActivity, teamsFixture } from './fixtures.js';

describe('Teams activities through /api/messages', () => {
  let app: Running;
  let capture: Capture;
  /** Every reply the bot sent in this file, checked for Teams rendering at the end. */
  const allReplies: any[] = [];
  let script: ((n: number) => { status: number; headers?: Record<string, string> } | undefined) | undefined;
  beforeAll(async () => {
    app = await startVirage();
    capture = await startCapture((n) => script?.(n));
  });
  beforeEach(() => {
    script = undefined;
    capture.received.length = 0;
  });
  afterEach(() => {
    allReplies.push(...capture.received.filter((r) => r.status === 200).map((r) => r.body));
  });
  afterAll(async () => {
    await app.stop();
    await capture.close();
  });

  const send = async (name: string, conversationId: string, overrides: Record<string, unknown> = {}) => {
    const res = await postActivity(app.url, teamsFixture(name, capture.url, conversationId, overrides));
    return res.status;
  };
  const delivered = () => capture.received.filter((r) => r.status === 200).map((r) => r.body);

  it('welcomes on a personal install (bot and user in membersAdded)', async () => {
    expect(await send('personal-install-conversation-update', 'a:conv-install-1')).toBe(200);
    const replies = delivered();
    expect(replies[0].text).toMatch(/^Bonjour, je suis \*\*Virage\*\*/);
    expect(replies.at(-1).suggestedActions.actions.map((a: any) => a.title)).toContain('Faire mon diagnostic numérique');
    expect(capture.received.every((r) => r.path.startsWith('/v3/conversations/a%3Aconv-install-1/activities'))).toBe(true);
  });

  it('welcomes on a personal install whose membersAdded holds only the bot', async () => {
    expect(await send('personal-install-bot-only', 'a:conv-install-2')).toBe(200);
    expect(delivered()[0].text).toMatch(/^Bonjour/);
  });

  it('answers installationUpdate with 200 and no message (the conversationUpdate greets)', async () => {
    expect(await send('installation-update-add', 'a:conv-install-3')).toBe(200);
    expect(capture.received).toHaveLength(0);
  });

  it('handles a message carrying channelData.tenant', async () => {
    expect(await send('message-with-tenant', 'a:conv-msg-1')).toBe(200);
    const replies = delivered();
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.map((r) => r.text)).not.toContain(messages.technicalError);
    expect(replies.every((r) => r.conversation.id === 'a:conv-msg-1')).toBe(true);
  });

  it('handles a card submit (value, no text) without crashing', async () => {
    await send('personal-install-conversation-update', 'a:conv-submit-1');
    capture.received.length = 0;
    expect(await send('card-submit', 'a:conv-submit-1')).toBe(200);
    const replies = delivered();
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.map((r) => r.text)).not.toContain(messages.technicalError);
  });

  it('processes a turn delivered twice (same activity id) once, even when the copies overlap', async () => {
    const once = async (conversationId: string, copies: number) => {
      capture.received.length = 0;
      const statuses = await Promise.all(Array.from({ length: copies }, () => send('duplicate-delivery', conversationId)));
      expect(statuses.every((s) => s === 200)).toBe(true);
      return delivered().map((r) => r.text);
    };
    const single = await once('a:conv-dup-1', 1);
    const twice = await once('a:conv-dup-2', 2);
    expect(single.length).toBeGreaterThan(0);
    expect(twice).toEqual(single);
    // A later, sequential re-delivery is skipped too.
    capture.received.length = 0;
    expect(await send('duplicate-delivery', 'a:conv-dup-2')).toBe(200);
    expect(capture.received).toHaveLength(0);
  });

  it('retries a reply the connector throttles with 429 (no Retry-After), then delivers it once', async () => {
    script = (n) => (n === 1 ? { status: 429 } : undefined);
    expect(await send('personal-install-conversation-update', 'a:conv-429')).toBe(200);
    const statuses = capture.received.map((r) => r.status);
    expect(statuses[0]).toBe(429);
    expect(statuses.slice(1).every((s) => s === 200)).toBe(true);
    expect(capture.received[1].body.text).toBe(capture.received[0].body.text);
    expect(delivered().filter((r) => /^Bonjour/.test(r.text ?? ''))).toHaveLength(1);
  });

  it('retries 412 and 504 as Teams asks', async () => {
    script = (n) => (n === 1 ? { status: 412 } : n === 3 ? { status: 504 } : undefined);
    expect(await send('personal-install-conversation-update', 'a:conv-412')).toBe(200);
    expect(capture.received.map((r) => r.status).slice(0, 4)).toEqual([412, 200, 504, 200]);
    expect(delivered()[0].text).toMatch(/^Bonjour/);
  });

  it('serves the terms of use page the manifest links to (/conditions)', async () => {
    const res = await fetch(`${app.url}/conditions`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('Conditions d’utilisation de Virage');
    expect(html).toContain('href="/confidentialite"');
    expect(html).not.toContain('{{');
  });

  it('sends only what Teams renders: Adaptive Cards ≤ 1.5, no markdown tables or headers', () => {
    expect(allReplies.length).toBeGreaterThan(5);
    const problems = allReplies.flatMap((r) => teamsRenderingProblems(r));
    expect(problems).toEqual([]);
  });
});
