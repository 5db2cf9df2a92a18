// Loads the recorded-style Teams activities of test/fixtures/teams/, pointed at a capture connector.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../src/paths.js';

export function teamsFixture(
  name: string,
  serviceUrl: string,
  conversationId: string,
  overrides: Record<string, unknown> = {},
): Record<string, any> {
  const raw = JSON.parse(readFileSync(path.join(projectRoot, 'test', 'fixtures', 'teams', `${name}.json`), 'utf8'));
  delete raw._comment;
  return { ...raw, serviceUrl, conversation: { ...raw.conversation, id: conversationId }, ...overrides };
}

export async function postActivity(baseUrl: string, activity: unknown): Promise<Response> {
  return fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
}
