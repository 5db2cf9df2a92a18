// The router and then the active dialog both ask about the same text in one turn: remember the last
// reading. Reading is a pure function of the text, so one memo serves every conversation.
import type { Nlu } from './index.js';

export interface IntentReading {
  intent: string;
  confidence: number;
}

export function rememberLastReading(nlu: Pick<Nlu, 'interpret'>): (text: string) => IntentReading {
  let last: { text: string; reading: IntentReading } | undefined;
  return (text) => {
    if (last?.text === text) return last.reading;
    const intent = nlu.interpret(text).intent;
    const reading = { intent: intent.name, confidence: intent.confidence };
    last = { text, reading };
    return reading;
  };
}
