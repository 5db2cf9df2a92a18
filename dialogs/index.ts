// The dialog tree: the main menu and its three paths (diagnostic, questions, advisor), built from the
// domain objects the composition root (src/index.ts) hands over. The glue between them lives here.
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DiagnosticModel, DiagnosticResult, FindAids } from '../src/diagnostic/index.js';
import type { DiagnosticRecords } from '../src/diagnostic/records.js';
import { factsIn } from '../src/diagnostic/reading.js';
import type { HandoffService } from '../src/handoff/service.js';
import type { TranscriptLine } from '../src/handoff/types.js';
import type { KnowledgeBase } from '../src/knowledge/search/knowledge-base.js';
import type { Nlu } from '../src/nlu/index.js';
import { DiagnosticDialog } from './diagnostic/dialog.js';
import { FollowUpDialog, type FollowUpDeps } from './diagnostic/follow-up.js';
import { HandoffDialog, type SavedContact } from './handoff/dialog.js';
import { MainDialog } from './main.js';
import { QuestionDialog, type KnowledgeLog } from './question.js';
import type { DialogServices } from './services.js';

export interface DialogTreeDeps {
  services: DialogServices;
  model: DiagnosticModel;
  records: DiagnosticRecords<DiagnosticResult>;
  nlu: Nlu;
  findAids: FindAids;
  knowledge: KnowledgeBase;
  knowledgeLog: KnowledgeLog;
  handoff: HandoffService;
  /** The diagnostic an advisor sees (in progress, else the last result). */
  diagnosticForAdvisor(subject: string): Promise<DiagnosticResult | undefined>;
  /** The contact a person gave in the handoff form (reused, e.g. their département). */
  savedContact: StatePropertyAccessor<SavedContact>;
  /** The conversation so far (texts only), oldest first. */
  transcript(context: TurnContext): Promise<TranscriptLine[]>;
  retention: { diagnosticDays: number; handoffDays: number };
  clock: () => Date;
  /** Also send a Bot Framework handoff.initiate event (HANDOFF_EMIT_EVENT). */
  emitHandoffEvent: boolean;
  /** Consents to the follow-up diagnostic (src/followup): asked after each result when given. */
  followUps?: FollowUpDeps['followUps'];
}

export function createMainDialog(d: DialogTreeDeps): MainDialog {
  const firmFacts = (text: string) => factsIn([text], { questionnaire: d.model.questionnaire, answers: {}, nlu: d.nlu }).length;
  return new MainDialog(
    { ...d.services, firmFacts },
    {
      diagnostic: new DiagnosticDialog({
        questionnaire: d.model.questionnaire,
        model: d.model,
        records: d.records,
        nlu: d.nlu,
        findAids: d.findAids,
        knowledge: d.knowledge,
        retentionDays: d.retention.diagnosticDays,
        publicBaseUrl: (activity) => d.services.publicBaseUrl(activity),
        knownDepartement: async (context) => (await d.savedContact.get(context))?.departement,
        earlierTexts: async (context) => (await d.transcript(context)).filter((l) => l.from === 'user').map((l) => l.text),
        clock: d.clock,
      }),
      question: new QuestionDialog(d.services, d.knowledge, d.knowledgeLog),
      handoff: new HandoffDialog({
        service: d.handoff,
        understand: d.services.understand,
        nlu: d.nlu,
        lastDiagnostic: d.diagnosticForAdvisor,
        transcript: d.transcript,
        savedContact: d.savedContact,
        retentionDays: d.retention.handoffDays,
        clock: d.clock,
        emitEvent: d.emitHandoffEvent,
      }),
    },
    d.followUps
      ? [
          new FollowUpDialog({
            followUps: d.followUps,
            knownEmail: async (context) => (await d.savedContact.get(context))?.email,
            phrases: d.nlu.phrases,
          }),
        ]
      : [],
  );
}
