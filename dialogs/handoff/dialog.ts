// « Parler à un conseiller »: consent (what is shared, with which CCI, kept how long), contact details
// (kept in UserState for next time), département, reason, a summary to confirm, then the request: live
// in the CCI's queue when it is open, else a callback ticket. While live, src/bot/relay.ts carries the
// user's messages; this dialog waits on the stack and, once the exchange ends, takes the rating.
import { Dialog, type DialogContext, type DialogInstance, type DialogTurnResult } from 'botbuilder-dialogs';
import { EventFactory, MessageFactory, TurnContext, type Activity, type StatePropertyAccessor } from 'botbuilder';
import type { DiagnosticResult } from '../../src/diagnostic/index.js';
import { checkReason } from '../../src/handoff/contact.js';
import { keptContactForm, readContact, type Question } from './contact-form.js';
import { nextQuestion, type FormQuestions, type HandoffState } from './form.js';
import { normaliseDepartement, routeDepartement } from '../../src/handoff/routing.js';
import type { HandoffService } from '../../src/handoff/service.js';
import type { Contact, TranscriptLine } from '../../src/handoff/types.js';
import type { Nlu } from '../../src/nlu/index.js';
import { subjectId } from '../../src/privacy/registry.js';
import { COMMAND_CONFIDENCE } from '../commands.js';
import type { PathResult } from '../main.js';
import type { Understanding } from '../services.js';
import { diagnosticReason, diagnosticSummary, profileOf, transcriptActivities } from './context.js';
import { cciLabel, fold, h, STARS } from './messages.js';
import { readAfterLive } from '../../src/handoff/live-protocol.js';

export const HANDOFF_DIALOG = 'handoff';

/** What is kept in UserState for the next request (personal data: exported and erased with it). */
export interface SavedContact extends Contact {
  departement?: string;
}

export interface HandoffDialogDeps {
  service: HandoffService;
  understand(text: string): Understanding;
  nlu: Pick<Nlu, 'extract' | 'phrases'>;
  /** The result of the subject's last completed diagnostic, if any. */
  lastDiagnostic(subject: string): Promise<DiagnosticResult | undefined>;
  /** The conversation so far (texts only), oldest first. */
  transcript(context: TurnContext): Promise<TranscriptLine[]>;
  savedContact: StatePropertyAccessor<SavedContact>;
  retentionDays: number;
  clock: () => Date;
  /** Also send a Bot Framework handoff.initiate event (HANDOFF_EMIT_EVENT). */
  emitEvent: boolean;
}

type Ctx = Pick<DialogContext, 'context'>;

export class HandoffDialog extends Dialog {
  constructor(private readonly deps: HandoffDialogDeps) {
    super(HANDOFF_DIALOG);
  }

  override async beginDialog(dc: DialogContext, options?: { text?: string; trigger?: string }): Promise<DialogTurnResult> {
    const text = (options?.text ?? '').trim();
    const subject = subjectOf(dc.context);
    const [saved, diagnostic] = await Promise.all([this.deps.savedContact.get(dc.context, {}), this.deps.lastDiagnostic(subject)]);
    const intent = text ? this.deps.understand(text) : undefined;
    const callback =
      fold(text).startsWith('etre rappele') || (intent?.intent === 'etre_rappele' && intent.confidence >= COMMAND_CONFIDENCE);
    const { departement: savedDep, ...contact } = saved;
    const state: HandoffState = {
      step: 'consent',
      trigger: options?.trigger ?? (callback ? 'etre_rappele' : 'demande'),
      mode: callback ? 'callback' : 'live',
      ...keptContactForm(contact),
      departement: savedDep ?? (diagnostic?.profile.departement ? normaliseDepartement(diagnostic.profile.departement) : undefined),
      reason: this.meaningful(text) ? text : diagnosticReason(diagnostic),
    };
    dc.activeDialog!.state = state;
    return this.askNext(dc, state);
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const state = dc.activeDialog!.state as HandoffState;
    const text = (dc.context.activity.text ?? '').trim();
    if (state.step === 'waiting') return this.afterLive(dc, state, text);
    if (!text) return this.reprompt(dc, state);
    switch (state.step) {
      case 'consent':
        return this.onConsent(dc, state, text);
      case 'name':
      case 'company':
      case 'email':
      case 'phone': {
        const wrong = readContact(state, state.step, text, this.deps.nlu.phrases);
        return wrong ? say(dc, wrong.reprompt, wrong.buttons) : this.askNext(dc, state);
      }
      case 'departement':
        return this.onDepartement(dc, state, text);
      case 'reason': {
        const checked = checkReason(text);
        if (!checked.ok) return say(dc, checked.reprompt);
        state.reason = checked.value;
        return this.askNext(dc, state);
      }
      case 'summary':
        return this.onSummary(dc, state, text);
    }
  }

  /** The trigger's text is a reason when it says more than « parler à un conseiller ». */
  private meaningful(text: string): boolean {
    const command = text ? this.deps.nlu.phrases.command(text) : undefined;
    if (!text || command === 'parler_conseiller' || command === 'etre_rappele' || !checkReason(text).ok) return false;
    const u = this.deps.understand(text);
    const bare =
      (u.intent === 'parler_conseiller' || u.intent === 'etre_rappele') && u.confidence >= COMMAND_CONFIDENCE && text.length < 40;
    return !bare && !['parler à un conseiller', 'être rappelé'].includes(text.toLowerCase());
  }

  private async onConsent(dc: DialogContext, state: HandoffState, text: string): Promise<DialogTurnResult> {
    const t = fold(text);
    const yes = t === fold(h.yes) || this.yesNo(text) === 'yes';
    const no = t === fold(h.no) || this.yesNo(text) === 'no';
    if (yes && !no) {
      state.consentAt = this.deps.clock().toISOString();
      return this.askNext(dc, state);
    }
    if (no) {
      const cci = routeDepartement(this.deps.service.directory(), state.departement);
      await dc.context.sendActivity(h.declined(cci.contact.phone, cci.contact.email));
      return dc.endDialog({} satisfies PathResult);
    }
    return this.askNext(dc, state, true);
  }

  private yesNo(text: string): string | undefined {
    const fixed = this.deps.nlu.phrases.yesNo(text);
    if (fixed) return fixed;
    const r = this.deps.nlu.extract(text, { type: 'yesno' });
    return r.ok && r.value.type === 'yesno' ? String(r.value.value) : undefined;
  }

  private async onDepartement(dc: DialogContext, state: HandoffState, text: string): Promise<DialogTurnResult> {
    let dep = normaliseDepartement(text);
    if (!dep) {
      const r = this.deps.nlu.extract(text, { type: 'location' });
      if (r.ok && r.value.type === 'location') {
        if (!r.value.value.departement) return say(dc, h.regionOnly(r.value.value.regionName));
        dep = normaliseDepartement(r.value.value.departement);
      }
    }
    if (!dep) return say(dc, h.departementAgain);
    state.departement = dep;
    // Kept with the contact details, so that the diagnostic need not ask for it again.
    await this.deps.savedContact.set(dc.context, { ...(await this.deps.savedContact.get(dc.context, {})), departement: dep });
    return this.askNext(dc, state);
  }

  /** Asks the form's first missing slot (dialogs/handoff/form.ts); `again` after an answer not understood. */
  private async askNext(dc: Ctx, state: HandoffState, again = false): Promise<DialogTurnResult> {
    const question = await nextQuestion(state, this.questions(dc), again);
    return say(dc, question.text, question.buttons);
  }

  /** The form's questions that need the CCI, the plan or the last diagnostic. */
  private questions(dc: Ctx): FormQuestions {
    const directory = () => this.deps.service.directory();
    const hasDiagnostic = async () => Boolean(await this.deps.lastDiagnostic(subjectOf(dc.context)));
    return {
      consent: async (state): Promise<Question> => {
        const cci = state.departement ? routeDepartement(directory(), state.departement) : undefined;
        const text = h.consent(h.consentParts(await hasDiagnostic()), cci && cciLabel(cci.name), this.deps.retentionDays);
        return { text, buttons: [h.yes, h.no] };
      },
      summary: async (state): Promise<Question> => {
        const cci = routeDepartement(directory(), state.departement);
        const plan = await this.deps.service.plan(cci, state.mode, this.deps.clock());
        const when = plan.live ? h.whenLive : h.whenCallback(plan);
        const contact = [state.contact.name, state.contact.company, state.contact.email, state.contact.phone].filter(Boolean).join(', ');
        const text = h.summary(state.reason!, cciLabel(cci.name), contact, await hasDiagnostic(), when);
        return { text, buttons: [h.confirm, h.editReason, h.editContact, h.cancel] };
      },
    };
  }

  private async onSummary(dc: DialogContext, state: HandoffState, text: string): Promise<DialogTurnResult> {
    const t = fold(text);
    if (t === fold(h.editReason)) {
      state.reason = undefined;
      return this.askNext(dc, state);
    }
    if (t === fold(h.editContact)) {
      state.contact = {};
      state.asked = {};
      return this.askNext(dc, state);
    }
    if (t === fold(h.cancel) || this.yesNo(text) === 'no') {
      await dc.context.sendActivity(h.cancelled);
      return dc.endDialog({} satisfies PathResult);
    }
    if (t === fold(h.confirm) || this.yesNo(text) === 'yes') return this.submit(dc, state);
    return say(dc, h.summaryAgain, [h.confirm, h.editReason, h.editContact, h.cancel]);
  }

  private async submit(dc: DialogContext, state: HandoffState): Promise<DialogTurnResult> {
    const context = dc.context;
    const subject = subjectOf(context);
    const [transcript, result] = await Promise.all([this.deps.transcript(context), this.deps.lastDiagnostic(subject)]);
    const diagnostic = result ? diagnosticSummary(result) : undefined;
    const profile = result ? profileOf(result) : {};
    let created: Awaited<ReturnType<HandoffService['create']>>;
    try {
      created = await this.deps.service.create({
        subject,
        channelId: context.activity.channelId,
        conversation: TurnContext.getConversationReference(context.activity),
        departement: state.departement!,
        contact: state.contact,
        reason: `${state.reason!}`,
        consentAt: state.consentAt ?? this.deps.clock().toISOString(),
        context: { transcript, profile, ...(diagnostic ? { diagnostic } : {}) },
        mode: state.mode,
      });
    } catch {
      await context.sendActivity(h.failed);
      return dc.endDialog({} satisfies PathResult);
    }
    await this.deps.savedContact.set(context, { ...state.contact, departement: state.departement! });
    const { request, queue, plan } = created;
    const cci = routeDepartement(this.deps.service.directory(), state.departement);
    if (this.deps.emitEvent) {
      const handoffContext = {
        skill: cci.id,
        reference: request.reference,
        trigger: state.trigger,
        reason: request.reason,
        departement: request.departement,
        contact: request.contact,
        profile,
        diagnostic,
      };
      const event = EventFactory.createHandoffInitiation(context, handoffContext, {
        activities: transcriptActivities(transcript, context.activity.from.id) as Activity[],
      });
      await context.sendActivity(event);
    }
    if (request.kind === 'live' && queue) {
      state.step = 'waiting';
      state.requestId = request.id;
      return say(dc, h.queued(request.reference, queue.position, queue.expectedWaitMs, cciLabel(cci.name)), [h.end]);
    }
    if (!plan.live) await context.sendActivity(h.callback(request.reference, cciLabel(cci.name), plan));
    return dc.endDialog({} satisfies PathResult);
  }

  /** The relay lets a message through once the request is no longer live: rating, or back to the menu. */
  private async afterLive(dc: DialogContext, state: HandoffState, text: string): Promise<DialogTurnResult> {
    const request = state.requestId ? await this.deps.service.get(state.requestId) : undefined;
    const next = readAfterLive(request, text, this.deps.nlu.phrases);
    switch (next.kind) {
      case 'stillLive':
        return Dialog.EndOfTurn;
      case 'rate':
        await this.deps.service.rate(request!.id, next.rating);
        await dc.context.sendActivity(h.rated);
        return dc.endDialog({} satisfies PathResult);
      case 'askRating':
        return say(dc, `${h.endedByUser} ${h.ratePrompt}`, [...STARS]);
      case 'cancelled':
        await dc.context.sendActivity(h.waitingCancelled(next.reference));
        return dc.endDialog({} satisfies PathResult);
      case 'back':
        await dc.context.sendActivity(h.back);
        return dc.endDialog({} satisfies PathResult);
    }
  }

  override async repromptDialog(context: TurnContext, instance: DialogInstance): Promise<void> {
    await this.reprompt({ context }, instance.state as HandoffState);
  }

  private async reprompt(dc: Ctx, state: HandoffState): Promise<DialogTurnResult> {
    return state.step === 'waiting' ? Dialog.EndOfTurn : this.askNext(dc, state, true);
  }
}

async function say(dc: Ctx, text: string, buttons?: string[]): Promise<DialogTurnResult> {
  await dc.context.sendActivity(buttons ? MessageFactory.suggestedActions(buttons, text) : MessageFactory.text(text));
  return Dialog.EndOfTurn;
}

export const subjectOf = (context: TurnContext) => subjectId(context.activity.channelId, context.activity.from?.id);
