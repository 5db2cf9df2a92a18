// `npm run chat`: a French conversation with the running Virage in the terminal, through the same
// Direct Line endpoint as the web page (Microsoft's botframework-directlinejs client).
// Suggested actions and card buttons are numbered: typing the number sends the choice.
// « quitter » or Ctrl-D ends the conversation.
import { createInterface } from 'node:readline';
import { ConnectionStatus } from 'botframework-directlinejs';
import { createNodeDirectLine, type Activity } from './lib/directline-node.js';

interface Choice {
  title: string;
  type: string;
  value?: unknown;
  text?: string;
}

const baseUrl = (process.env.VIRAGE_URL || `http://localhost:${process.env.PORT || 3978}`).replace(/\/+$/, '');
const QUIT = /^(quitter|quit|exit|au revoir)$/i;

function say(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function choicesOf(activity: Activity): Choice[] {
  const a = activity as any;
  const out: Choice[] = [];
  for (const action of a.suggestedActions?.actions ?? []) out.push(action);
  for (const attachment of a.attachments ?? []) {
    for (const button of attachment.content?.buttons ?? []) out.push(button);
    for (const action of attachment.content?.actions ?? []) {
      if (action.type === 'Action.Submit')
        out.push({ title: action.title, type: 'messageBack', value: action.data, text: action.data?.msteams?.value ?? action.title });
      else if (action.type === 'Action.OpenUrl') out.push({ title: action.title, type: 'openUrl', value: action.url });
    }
  }
  return out.filter((c) => typeof c.title === 'string' && c.title !== '');
}

function show(activity: Activity): Choice[] {
  const a = activity as any;
  if (typeof a.text === 'string' && a.text.trim() !== '') say(`\nVirage > ${a.text.trim().replace(/\n/g, '\n         ')}`);
  for (const attachment of a.attachments ?? []) {
    const c = attachment.content ?? {};
    if (c.title) say(`         ${c.title}`);
    if (c.text) say(`         ${c.text}`);
    for (const block of c.body ?? []) if (typeof block.text === 'string') say(`         ${block.text}`);
  }
  const choices = choicesOf(activity);
  choices.forEach((c, i) => say(`   ${i + 1}. ${c.title}${c.type === 'openUrl' ? ` (${String(c.value)})` : ''}`));
  return choices;
}

async function main(): Promise<void> {
  let conn: { token: string; domain: string; userId: string };
  try {
    const res = await fetch(`${baseUrl}/api/directline/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    conn = (await res.json()) as typeof conn;
  } catch (err) {
    say(
      `Impossible de joindre Virage à ${baseUrl} (${(err as Error).message}). Le serveur est-il démarré (npm start) ? Adresse différente : VIRAGE_URL=http://…`,
    );
    process.exitCode = 1;
    return;
  }

  const dl = createNodeDirectLine({ domain: conn.domain, token: conn.token, webSocket: true });
  let choices: Choice[] = [];
  let ended = false;
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'Vous > ' });

  const end = (message?: string) => {
    if (ended) return;
    ended = true;
    if (message) say(message);
    dl.end();
    rl.close();
  };

  dl.connectionStatus$.subscribe((status) => {
    if (status === ConnectionStatus.FailedToConnect) {
      process.exitCode = 1;
      end('Connexion à Virage impossible. Réessayez dans un instant.');
    }
  });
  dl.activity$.subscribe(
    (activity) => {
      if (activity.from?.id === conn.userId || activity.type !== 'message') return;
      const shown = show(activity);
      if (shown.length) choices = shown;
      if (!ended) rl.prompt(true);
    },
    () => undefined, // end() errors the stream: expected
  );

  const send = (activity: Record<string, unknown>) =>
    dl.postActivity({ from: { id: conn.userId }, ...activity } as any).subscribe(
      () => undefined,
      () => say('Votre message n’a pas pu être envoyé. Réessayez.'),
    );

  say(`Conversation avec Virage (${baseUrl}). Tapez votre message, le numéro d’un choix, ou « quitter ».`);
  rl.on('line', (line) => {
    const input = line.trim();
    if (QUIT.test(input)) return end('À bientôt !');
    if (input === '') return rl.prompt();
    const n = /^\d{1,2}$/.test(input) ? Number(input) : 0;
    const choice = n >= 1 && n <= choices.length ? choices[n - 1] : undefined;
    if (choice?.type === 'openUrl') {
      say(`Ouvrez ce lien dans votre navigateur : ${String(choice.value)}`);
    } else if (choice?.type === 'messageBack') {
      send({ type: 'message', text: choice.text ?? choice.title, value: choice.value });
    } else if (choice) {
      send({
        type: 'message',
        text: typeof choice.value === 'string' ? choice.value : choice.title,
        ...(typeof choice.value === 'object' ? { value: choice.value } : {}),
      });
    } else {
      send({ type: 'message', text: input });
    }
    choices = [];
  });
  rl.on('close', () => end('\nÀ bientôt !'));
}

void main();
