// The Office dialog fallback page (dist/auth-dialog.html): signs in with an MSAL redirect in this top-level window
// and posts the result to the pane. Also MSAL v5's redirect bridge for the pane's standard popup.
import { createStandardPublicClientApplication } from "@azure/msal-browser";
import { broadcastResponseToMainFrame } from "@azure/msal-browser/redirect-bridge";
import { loadAppConfig } from "../config/app-config";
import { AUTH_DIALOG_PATH } from "../graph/auth/dialog-protocol";
import { hasAuthResponse, runDialogPage } from "../graph/auth/dialog-page-flow";
import { msalConfiguration } from "../graph/auth/msal-config";

function show(text: string): void {
  const status = document.getElementById("status");
  if (status) status.textContent = text; // text, never HTML
}

function postToPane(message: string): void {
  try {
    Office.context.ui.messageParent(message);
    show("Signed in. You can close this window.");
  } catch {
    show("This page only works inside the Interaction Log add-in's sign-in window.");
  }
}

async function main(): Promise<void> {
  if (hasAuthResponse(location.search, location.hash)) {
    // Bridge duty needs neither Office nor our configuration.
    await broadcastResponseToMainFrame();
    return;
  }
  await Office.onReady();
  const config = loadAppConfig();
  const pca = await createStandardPublicClientApplication(
    msalConfiguration(config, `${location.origin}${AUTH_DIALOG_PATH}`),
  );
  await runDialogPage({
    pca,
    search: location.search,
    hash: location.hash,
    bridge: () => broadcastResponseToMainFrame(),
    post: postToPane,
  });
}

main().catch((e: unknown) => {
  // A configuration or start-up failure: still answer the pane so it does not wait for the time-out.
  const message = e instanceof Error ? e.message.split("\n")[0]! : String(e);
  show("Sign-in could not start.");
  try {
    Office.context.ui.messageParent(
      JSON.stringify({ status: "error", code: "dialog_start_failed", message }),
    );
  } catch {
    // Not inside Office: the status line is all we can do.
  }
});
