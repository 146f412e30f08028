// Item events of a compose item: Outlook's item.addHandlerAsync / removeHandlerAsync. The workbench knows one,
// RecipientsChanged (Mailbox 1.7): it fires, on a later task, when To/Cc/Bcc or the attendees change, whether
// the user typed them in the compose form or an add-in set them.
import { completeLater, splitArgs, StandInFailure, type Callback, type Scheduler } from "./async-result";

export const RECIPIENTS_CHANGED = "olkRecipientsChanged";

export type RecipientField = "to" | "cc" | "bcc" | "requiredAttendees" | "optionalAttendees" | "resources";
const FIELDS: RecipientField[] = ["to", "cc", "bcc", "requiredAttendees", "optionalAttendees", "resources"];

type Handler = (args: unknown) => void;

export class ItemEvents {
  private readonly handlers: Handler[] = [];

  constructor(
    private readonly schedule: Scheduler,
    /** False once another item is selected: the old item's handlers never fire again. */
    private readonly isCurrent: () => boolean,
  ) {}

  /** Tells this item's handlers which recipient fields changed; each call comes on its own later task. */
  recipientsChanged(changed: RecipientField): void {
    if (!this.isCurrent()) return;
    const args = {
      type: RECIPIENTS_CHANGED,
      changedRecipientFields: Object.fromEntries(FIELDS.map((f) => [f, f === changed])),
    };
    for (const h of [...this.handlers]) this.schedule(() => this.isCurrent() && h(args));
  }

  get count(): number {
    return this.handlers.length;
  }

  private checkType(eventType: unknown): void {
    if (eventType !== RECIPIENTS_CHANGED)
      throw new StandInFailure("invalidEventType", `Event type ${String(eventType)} is not supported here`);
  }

  /** addHandlerAsync(eventType, handler, [options], [callback]) and removeHandlerAsync(eventType, [options], [callback]). */
  methods() {
    return {
      addHandlerAsync: (eventType: unknown, handler: unknown, ...rest: unknown[]): void => {
        const { options, callback } = splitArgs<void>("item.addHandlerAsync", rest, false);
        completeLater(this.schedule, options, callback as Callback<void> | undefined, () => {
          this.checkType(eventType);
          if (typeof handler !== "function")
            throw new StandInFailure("invalidFormat", "handler must be a function");
          this.handlers.push(handler as Handler);
        });
      },
      removeHandlerAsync: (eventType: unknown, ...rest: unknown[]): void => {
        const { options, callback } = splitArgs<void>("item.removeHandlerAsync", rest, false);
        completeLater(this.schedule, options, callback as Callback<void> | undefined, () => {
          this.checkType(eventType);
          // Outlook removes every handler of the type.
          this.handlers.length = 0;
        });
      },
    };
  }
}
