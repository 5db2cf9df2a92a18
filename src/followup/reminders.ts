// The e-mail reminder of the follow-up diagnostic: a periodic sweep (injectable clock) sends each due
// consent with an address one e-mail, through SMTP (nodemailer, the same SMTP_URL/SMTP_FROM as the
// handoff notifications), on weekdays between 9 h and 18 h (Paris time). A reminder is claimed in the
// store before it is sent, so it goes once; a failed send is given back and retried at the next sweep
// (MAX_SEND_ATTEMPTS in all). The e-mail carries no score nor answer: only the invitation and the link.
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from '../log.js';
import { localParts } from '../handoff/paris-time.js';
import type { FollowUpConsent, FollowUps } from './consents.js';
import { formatDay } from './messages.js';

export interface ReminderOptions {
  followUps: FollowUps;
  smtp?: { url: string; from: string };
  /** Where the person comes back to (the chat page). */
  baseUrl: () => string;
  clock: () => Date;
  logger: Logger;
  /** Sweep period (default one hour). */
  intervalMs?: number;
}

export interface ReminderJob {
  /** Runs one sweep now (also used by tests); returns how many e-mails were sent. */
  runOnce(now?: Date): Promise<number>;
  stop(): Promise<void>;
}

/** Weekdays, 9:00–17:59 in Paris: no reminder lands at night or on a weekend. */
export function sendingHours(at: Date): boolean {
  const p = localParts(at);
  return p.weekday >= 1 && p.weekday <= 5 && p.hour >= 9 && p.hour < 18;
}

/** The reminder's subject and text (French, vouvoiement). */
export function reminderMail(consent: FollowUpConsent, chatUrl: string): { subject: string; text: string } {
  return {
    subject: 'Virage : on refait le point sur votre numérique ?',
    text: [
      'Bonjour,',
      '',
      `Le ${formatDay(consent.consentAt)}, vous avez fait votre diagnostic numérique avec Virage, l’assistant de votre CCI, et vous avez souhaité refaire le point 6 mois plus tard.`,
      '',
      `C’est le moment : en 10 minutes, refaites le diagnostic et voyez vos progrès axe par axe : ${chatUrl}`,
      '',
      'Vous recevez ce message une seule fois. Pour ne plus être relancé, écrivez « ne plus me relancer » à Virage ; pour effacer vos données, « supprimer mes données ».',
      '',
      'Virage',
    ].join('\n'),
  };
}

export function startReminders(options: ReminderOptions): ReminderJob {
  const { followUps, logger, clock } = options;
  const transport: Transporter | undefined = options.smtp ? nodemailer.createTransport(options.smtp.url) : undefined;

  const send = async (consent: FollowUpConsent): Promise<boolean> => {
    if (!transport || !options.smtp || !consent.email) return false;
    const mail = reminderMail(consent, `${options.baseUrl().replace(/\/+$/, '')}/`);
    try {
      await transport.sendMail({ from: options.smtp.from, to: consent.email, subject: mail.subject, text: mail.text });
      return true;
    } catch (err) {
      logger.warn('[follow-up] reminder e-mail failed', { err: (err as Error).message });
      return false;
    }
  };

  const runOnce = async (now = clock()): Promise<number> => {
    if (!transport || !sendingHours(now)) return 0;
    let sent = 0;
    for (const consent of await followUps.dueForEmail(now)) {
      if (!(await followUps.claimReminder(consent.subject, now))) continue;
      if (await send(consent)) sent++;
      else await followUps.release(consent.subject);
    }
    if (sent) logger.info('[follow-up] reminders sent', { sent });
    return sent;
  };

  let running: Promise<number> | undefined;
  const tick = () => {
    if (running) return;
    running = runOnce()
      .catch((err) => {
        logger.error('[follow-up] sweep failed', { err: String(err) });
        return 0;
      })
      .finally(() => (running = undefined));
  };
  const timer = setInterval(tick, options.intervalMs ?? 3_600_000);
  timer.unref();
  return {
    runOnce,
    async stop() {
      clearInterval(timer);
      await running;
      transport?.close();
    },
  };
}
