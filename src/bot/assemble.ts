// The bot at the edge: conversation and user state over the store, the /api/messages adapter with its
// transcript middleware, the live-handoff relay and the handler that runs the dialog tree on each turn.
import { ConversationState, UserState, type CloudAdapter, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { MainDialog } from '../../dialogs/main.js';
import type { SavedContact } from '../../dialogs/handoff/dialog.js';
import type { Cluster } from '../cluster/index.js';
import type { VirageConfig } from '../config.js';
import type { HandoffService } from '../handoff/service.js';
import type { TranscriptLine } from '../handoff/types.js';
import type { Logger } from '../log.js';
import type { Phrases } from '../nlu/index.js';
import type { SubjectIndex } from '../privacy/subjects.js';
import type { DirectLineService } from '../server/directline/index.js';
import type { BotStorage } from '../storage/bot-storage.js';
import { createAdapter } from './adapter.js';
import { HANDOFF_CONTACT } from './contact-privacy.js';
import { SharedQueuePositions } from './queue-positions.js';
import { HandoffRelay } from './relay.js';
import { RECENT_TEXTS, RecentTextsMiddleware, transcriptProvider } from './transcript.js';
import { VirageBot } from './virage-bot.js';

export interface BotParts {
  adapter: CloudAdapter;
  relay: HandoffRelay;
  /** Runs one turn (what /api/messages and the Direct Line channel call). */
  runBot(context: TurnContext): Promise<void>;
}

export interface BotDepsIn {
  config: VirageConfig;
  logger: Logger;
  /** Teams dedupe and pacing, and the queue positions told to users, are shared between instances through it. */
  cluster: Cluster;
  storage: BotStorage;
  subjects: SubjectIndex;
  handoff: HandoffService;
  phrases: Phrases;
  /** Mounted after the bot (it calls runBot): read when needed. */
  directLine: () => DirectLineService | undefined;
  /** Builds the dialog tree from what only the bot's state can give. */
  dialogs(parts: {
    savedContact: StatePropertyAccessor<SavedContact>;
    transcript: (context: TurnContext) => Promise<TranscriptLine[]>;
  }): MainDialog;
}

export function assembleBot(d: BotDepsIn): BotParts {
  const conversationState = new ConversationState(d.storage);
  const userState = new UserState(d.storage);
  const recentTexts = conversationState.createProperty<TranscriptLine[]>(RECENT_TEXTS);
  const adapter = createAdapter(d.config, d.logger, d.cluster);
  adapter.use(new RecentTextsMiddleware(recentTexts));
  const relay = new HandoffRelay({
    service: d.handoff,
    adapter,
    appId: d.config.microsoftAppId ?? '',
    directLine: d.directLine,
    logger: d.logger,
    phrases: d.phrases,
    ...(d.cluster.shared ? { positions: new SharedQueuePositions(d.cluster.keys) } : {}),
  });
  const mainDialog = d.dialogs({
    savedContact: userState.createProperty<SavedContact>(HANDOFF_CONTACT),
    transcript: transcriptProvider(recentTexts, d.directLine),
  });
  const bot = new VirageBot({ conversationState, userState, mainDialog, subjects: d.subjects, relay });
  return { adapter, relay, runBot: (context) => bot.run(context) };
}
