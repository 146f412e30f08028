// The last rung: the Office dialog opens our own auth-dialog.html, which signs in with a redirect (dialogs are
// top-level windows, where popups and third-party cookies are no obstacle) and posts the token back.
import { DialogAuthError } from "./auth-errors";
import { dialogUrl, parseDialogMessage } from "./dialog-protocol";
import type { OfficeAuthHost } from "./office-auth-host";
import type { AccessToken, TokenClient, TokenRequest } from "./token-client";

export interface DialogTokenClientOptions {
  /** How long to wait for the user (MFA can take a while). Default 10 minutes. */
  timeoutMs?: number;
  height?: number;
  width?: number;
}

const EVENT_MESSAGES: Record<number, string> = {
  12002: "The sign-in page could not be loaded.",
  12003: "The sign-in page was redirected to an insecure (http) address.",
  12006: "The sign-in window was closed.",
};

export class DialogTokenClient implements TokenClient {
  private readonly timeoutMs: number;

  constructor(
    private readonly host: OfficeAuthHost,
    private readonly options: DialogTokenClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 10 * 60_000;
  }

  /** A dialog is always visible, so there is no silent path through it. */
  async acquireSilent(): Promise<AccessToken> {
    throw new DialogAuthError("interaction_required", "The sign-in window needs the user.");
  }

  async acquireInteractive(request: TokenRequest): Promise<AccessToken> {
    const dialog = await this.host.displayDialog(dialogUrl(this.host.origin, request), {
      height: this.options.height ?? 60,
      width: this.options.width ?? 30,
    });
    return new Promise<AccessToken>((resolve, reject) => {
      let settled = false;
      const finish = (outcome: () => void, closeDialog: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (closeDialog) {
          try {
            dialog.close();
          } catch {
            // Already gone; nothing to clean up.
          }
        }
        outcome();
      };
      const timer = setTimeout(
        () =>
          finish(() => reject(new DialogAuthError("dialog_timeout", "The sign-in window timed out.")), true),
        this.timeoutMs,
      );
      dialog.onMessage((raw, origin) => {
        // Only our own page may answer; a page the dialog navigated to elsewhere is ignored.
        if (origin && origin !== this.host.origin) return;
        const message = parseDialogMessage(raw);
        if (message.status === "success") {
          const token: AccessToken = {
            accessToken: message.accessToken,
            expiresOn: message.expiresOn,
            scopes: message.scopes,
          };
          if (message.username) token.username = message.username;
          finish(() => resolve(token), true);
        } else {
          finish(() => reject(new DialogAuthError(message.code, message.message)), true);
        }
      });
      dialog.onEvent((code) => {
        const text = EVENT_MESSAGES[code] ?? `The sign-in window reported error ${code}.`;
        finish(() => reject(new DialogAuthError(String(code), text)), code !== 12006);
      });
    });
  }
}
