// A web-chat user of the security tests: a token from /api/directline/token (the server picks the user
// id, as for a first visit), then Microsoft's Direct Line client (botframework-directlinejs, polling)
// against the built-in Direct Line — the way the web chat page talks to Virage.
import { createNodeDirectLine, type DirectLine } from '../../scripts/lib/directline-node.js';
import { subjectId } from '../../src/privacy/registry.js';
import { collect, postJson, texts } from '../server/directline/harness.js';

export interface Chat {
  userId: string;
  conversationId: string;
  subject: string;
  dl: DirectLine;
  received: ReturnType<typeof collect>['received'];
  botTexts(): string[];
  /** Waits until a bot message from index `from` on matches `until`; returns those messages joined. */
  waitText(from: number, until: RegExp, ms?: number): Promise<string>;
  /** Sends a message and waits for a bot reply matching `until`. */
  say(text: string, until: RegExp, ms?: number): Promise<string>;
  end(): void;
}

/** `webSocket`: the stream, as the web chat page uses it (default: polling). */
export async function openChat(baseUrl: string, options: { webSocket?: boolean } = {}): Promise<Chat> {
  const res = await postJson(`${baseUrl}/api/directline/token`, {});
  if (res.status !== 200) throw new Error(`token: ${res.status} ${JSON.stringify(res.json)}`);
  const t = res.json as { token: string; conversationId: string; userId: string; domain: string };
  const dl = createNodeDirectLine({ domain: t.domain, token: t.token, webSocket: options.webSocket ?? false, pollingInterval: 200 });
  const { received, waitFor } = collect(dl);
  const botTexts = () => texts(received, 'bot').map((x) => x ?? '');
  const waitText = async (from: number, until: RegExp, ms = 10_000) => {
    await waitFor(
      () =>
        botTexts()
          .slice(from)
          .some((x) => until.test(x)),
      ms,
    );
    return botTexts().slice(from).join('\n');
  };
  return {
    userId: t.userId,
    conversationId: t.conversationId,
    subject: subjectId('directline', t.userId),
    dl,
    received,
    botTexts,
    waitText,
    async say(text, until, ms) {
      const from = botTexts().length;
      await new Promise<string>((resolve, reject) =>
        dl.postActivity({ type: 'message', from: { id: t.userId }, text } as never).subscribe(resolve, reject),
      );
      return waitText(from, until, ms);
    },
    end: () => dl.end(),
  };
}
