// What auth-dialog.html does, as a function of its inputs so it can be tested without a browser or Office:
// 1. with an auth response in the URL it is MSAL v5's redirect bridge (hand the response on, then navigate back);
// 2. back on the start URL, finish the redirect and post the token to the pane;
// 3. otherwise start the redirect sign-in for the scopes the pane asked for.
import type { AuthenticationResult, IPublicClientApplication } from "@azure/msal-browser";
import { classifyAuthError } from "./auth-errors";
import { parseDialogRequest, type DialogMessage } from "./dialog-protocol";

export interface DialogPageDeps {
  pca: Pick<IPublicClientApplication, "initialize" | "handleRedirectPromise" | "acquireTokenRedirect">;
  /** location.search and location.hash of the dialog page. */
  search: string;
  hash: string;
  /** MSAL's redirect bridge (broadcastResponseToMainFrame). */
  bridge: () => Promise<void>;
  /** Office.context.ui.messageParent. */
  post: (message: string) => void;
}

export type DialogPageOutcome = "bridged" | "posted" | "redirecting";

export function hasAuthResponse(search: string, hash: string): boolean {
  return [search, hash].some((part) => {
    const params = new URLSearchParams(part.replace(/^[?#]/, ""));
    return params.has("state") && (params.has("code") || params.has("error"));
  });
}

function success(result: AuthenticationResult): DialogMessage {
  const message: DialogMessage = {
    status: "success",
    accessToken: result.accessToken,
    expiresOn: result.expiresOn ? result.expiresOn.getTime() : 0,
    scopes: result.scopes,
  };
  if (result.account?.username) message.username = result.account.username;
  return message;
}

function failure(e: unknown): DialogMessage {
  const { code } = classifyAuthError(e);
  // The pane classifies again from code and message; only the AADSTS line is useful, never a stack.
  const text = e instanceof Error ? e.message.split("\n")[0]! : String(e);
  return { status: "error", code, message: text.slice(0, 500) };
}

export async function runDialogPage(deps: DialogPageDeps): Promise<DialogPageOutcome> {
  try {
    if (hasAuthResponse(deps.search, deps.hash)) {
      await deps.bridge();
      return "bridged";
    }
    await deps.pca.initialize();
    const result = await deps.pca.handleRedirectPromise();
    if (result) {
      deps.post(JSON.stringify(success(result)));
      return "posted";
    }
    const request = parseDialogRequest(deps.search);
    if (!request) {
      deps.post(
        JSON.stringify({ status: "error", code: "dialog_bad_request", message: "No scopes were requested." }),
      );
      return "posted";
    }
    await deps.pca.acquireTokenRedirect({
      scopes: request.scopes,
      ...(request.loginHint ? { loginHint: request.loginHint } : {}),
      ...(request.claims ? { claims: request.claims } : {}),
    });
    return "redirecting";
  } catch (e) {
    deps.post(JSON.stringify(failure(e)));
    return "posted";
  }
}
