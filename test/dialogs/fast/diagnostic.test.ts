// Fast dialog-level tests of the diagnostic (botbuilder-testing's DialogTestClient, in process, memory
// store): what a person types at a question and what the dialog replies, without HTTP. The same
// behaviours are also covered end to end through the real endpoint (test/dialogs/diagnostic/*.test.ts).
import path from 'node:path';
import { DialogTestClient } from 'botbuilder-testing';
import type { Activity } from 'botbuilder';
import { DiagnosticDialog } from '../../../dialogs/diagnostic/dialog.js';
import { loadDiagnosticModel, type DiagnosticResult } from '../../../src/diagnostic/index.js';
import { DiagnosticRecords, type StoredResult, type SubjectDiagnostics } from '../../../src/diagnostic/records.js';
import { content, findAids, kbOptions } from '../../helpers/content.js';
import { loadGuides } from '../../../src/knowledge/guides.js';
import { createKnowledgeBase } from '../../../src/knowledge/search/knowledge-base.js';
import { createNlu } from '../../../src/nlu/index.js';
import { projectRoot } from '../../../src/paths.js';
import { MemoryStore } from '../../../src/storage/memory-store.js';

const model = content().diagnostic;
const nlu = createNlu(content().nlu);
const knowledge = createKnowledgeBase(content().guides, kbOptions());

function client(): { chat: DialogTestClient; records: DiagnosticRecords<DiagnosticResult> } {
  const store = new MemoryStore();
  const records = new DiagnosticRecords<DiagnosticResult>(
    store.collection<SubjectDiagnostics>('diagnostics'),
    store.collection<StoredResult<DiagnosticResult>>('diagnostic-results'),
  );
  const dialog = new DiagnosticDialog({
    questionnaire: model.questionnaire,
    model,
    records,
    nlu,
    findAids,
    knowledge,
    retentionDays: 365,
    publicBaseUrl: () => 'http://localhost',
  });
  return { chat: new DialogTestClient('test', dialog), records };
}

/** Everything the dialog replied to one message, texts joined. */
async function say(chat: DialogTestClient, text: string): Promise<string> {
  const out: string[] = [];
  let reply: Partial<Activity> | undefined = await chat.sendActivity(text);
  while (reply) {
    if (reply.text) out.push(reply.text);
    reply = chat.getNextReply();
  }
  return out.join('\n');
}

const SUBJECT = 'test:user1';

it('starts at the head-count question and says back a typed answer (« Noté : … »)', async () => {
  const { chat, records } = client();
  expect(await say(chat, 'commencer')).toMatch(/combien/i);
  const echo = await say(chat, 'on est 8 avec les apprentis');
  expect(echo).toMatch(/Noté : .*5 à 9/);
  expect((await records.current(SUBJECT))?.answers.profil_effectif).toBeDefined();
});

it('an answer holding the word « tout » is an answer, not an erase', async () => {
  const { chat } = client();
  await say(chat, 'commencer');
  const reply = await say(chat, 'on est 3 et je fais tout moi-même');
  expect(reply).not.toMatch(/effacer/i);
  expect(reply).toMatch(/Noté/);
});

it('« passer » moves on and « je ne sais pas » is recorded at a question with buttons', async () => {
  const { chat, records } = client();
  await say(chat, 'commencer');
  const first = await say(chat, 'passer');
  expect(first).toMatch(/Question passée\.[\s\S]*Question 2\/34/);
  const second = await say(chat, 'je ne sais pas');
  expect(second).toMatch(/Noté : je ne sais pas\.[\s\S]*Question 3\/34/);
  const answers = (await records.current(SUBJECT))?.answers ?? {};
  expect(answers).toEqual({ profil_effectif: { type: 'dontknow' }, profil_secteur: { type: 'dontknow' } });
});

it('a question asked mid-question is answered and the question asked again, nothing stored', async () => {
  const { chat, records } = client();
  await say(chat, 'commencer');
  const reply = await say(chat, 'c’est quoi un salarié pour vous ?');
  expect(reply).toMatch(/combien/i);
  expect((await records.current(SUBJECT))?.answers.profil_effectif).toBeUndefined();
});
