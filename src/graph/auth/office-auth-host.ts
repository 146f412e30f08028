// The few Office facilities sign-in needs, behind a narrow interface so src/graph never touches the Office
// global: the composition root passes officeAuthHostFrom(Office), tests pass a fake.
import { DialogAuthError } from "./auth-errors";

export interface HostDialog {
  /** Office.context.ui.messageParent from the dialog page; `origin` when the host reports it. */
  onMessage(handler: (message: string, origin?: string) => void): void;
  /** DialogEventReceived codes: 12002 page not loadable, 12003 http page, 12006 closed by the user. */
  onEvent(handler: (code: number) => void): void;
  close(): void;
}

export interface DialogOptions {
  /** Percent of the screen. */
  height: number;
  width: number;
}

export interface OfficeAuthHost {
  isSetSupported(name: string, minVersion?: string): boolean;
  /** The mailbox user's SMTP address, used as the sign-in hint. */
  readonly userAddress: string | undefined;
  /** The pane's origin: the dialog page must be served from it (else 12004). */
  readonly origin: string;
  /** Opens a dialog; rejects with DialogAuthError(Office error code) when it cannot be shown. */
  displayDialog(url: string, options: DialogOptions): Promise<HostDialog>;
}

interface DialogArg {
  message?: string;
  origin?: string;
  error?: number;
}

/**
 * Adapts the real Office object. Lives here rather than in src/office so the auth module stays self-contained;
 * it only touches what it is handed.
 */
export function officeAuthHostFrom(
  office: typeof Office,
  origin: string = typeof location === "undefined" ? "" : location.origin,
): OfficeAuthHost {
  return {
    origin,
    get userAddress() {
      return office.context?.mailbox?.userProfile?.emailAddress || undefined;
    },
    isSetSupported(name, minVersion) {
      try {
        return Boolean(office.context?.requirements?.isSetSupported(name, minVersion));
      } catch {
        return false;
      }
    },
    displayDialog(url, options) {
      return new Promise<HostDialog>((resolve, reject) => {
        const ui = office.context?.ui;
        if (!ui || typeof ui.displayDialogAsync !== "function") {
          reject(new DialogAuthError("dialog_unsupported", "This Outlook cannot open a sign-in window."));
          return;
        }
        try {
          ui.displayDialogAsync(
            url,
            { height: options.height, width: options.width, displayInIframe: false },
            (result) => {
              // Never throw inside an Office callback: the error would not reach the caller.
              if (result.status === office.AsyncResultStatus.Failed) {
                reject(new DialogAuthError(String(result.error.code), result.error.message));
                return;
              }
              const dialog = result.value;
              resolve({
                onMessage: (handler) =>
                  dialog.addEventHandler(office.EventType.DialogMessageReceived, (arg: DialogArg) => {
                    if (typeof arg.message === "string") handler(arg.message, arg.origin);
                  }),
                onEvent: (handler) =>
                  dialog.addEventHandler(office.EventType.DialogEventReceived, (arg: DialogArg) => {
                    if (typeof arg.error === "number") handler(arg.error);
                  }),
                close: () => dialog.close(),
              });
            },
          );
        } catch (e) {
          reject(new DialogAuthError("dialog_unsupported", e instanceof Error ? e.message : String(e)));
        }
      });
    },
  };
}
