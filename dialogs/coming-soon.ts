// A path whose service has not opened yet: says so plainly and returns to the menu.
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { messages } from './messages.js';

export class ComingSoonDialog extends Dialog {
  constructor(
    id: string,
    private readonly label: string,
  ) {
    super(id);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await dc.context.sendActivity(messages.notOpenYet(this.label));
    return dc.endDialog();
  }
}
