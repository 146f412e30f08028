// The log-on-send controls over a fake port: the user's setting (off by default), the per-mail choice that starts
// from it, and what a sent copy says about its send-time log.
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ComposeLoggingPort, SendLogMarker } from "../../../domain/send-log";
import { createTranslator, I18nProvider } from "../../i18n";
import { LogOnSend } from "../LogOnSend";

class FakeComposeLogging implements ComposeLoggingPort {
  userDefault = false;
  perMail: boolean | undefined;
  marker: SendLogMarker | undefined;
  logOnSendDefault = () => this.userDefault;
  setLogOnSendDefault = async (on: boolean) => void (this.userDefault = on);
  readLogOnSend = async () => this.perMail;
  writeLogOnSend = async (on: boolean) => void (this.perMail = on);
  readSendLog = async () => this.marker;
}

function show(port: ComposeLoggingPort, mode: "read" | "compose", loggedCount = 0, lang = "en-US") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <I18nProvider translator={createTranslator(lang)}>
        <LogOnSend port={port} mode={mode} loggedCount={loggedCount} />
      </I18nProvider>
    </FluentProvider>,
  );
}

it("is off by default; turning the setting on makes a new mail log when sent", async () => {
  const port = new FakeComposeLogging();
  show(port, "compose");
  const setting = screen.getByRole("checkbox", { name: "Log sent mail and meetings to known contacts" });
  const perMail = screen.getByRole("checkbox", { name: "Log when sent" });
  expect(setting).not.toBeChecked();
  expect(perMail).not.toBeChecked();
  fireEvent.click(setting);
  await waitFor(() => expect(port.userDefault).toBe(true));
  expect(screen.getByRole("checkbox", { name: "Log when sent" })).toBeChecked();
  expect(port.perMail).toBeUndefined();
});

it("keeps this mail's own choice, which wins over the setting", async () => {
  const port = new FakeComposeLogging();
  port.userDefault = true;
  port.perMail = false;
  show(port, "compose");
  await waitFor(() => expect(screen.getByRole("checkbox", { name: "Log when sent" })).not.toBeChecked());
  fireEvent.click(screen.getByRole("checkbox", { name: "Log when sent" }));
  await waitFor(() => expect(port.perMail).toBe(true));
});

it("says 'log pending' on a sent copy whose send-time log is not written yet, and not once it is", async () => {
  const port = new FakeComposeLogging();
  port.marker = { id: "0f3a9c1e-1111-4222-8333-444455556666", state: "pending", at: "2026-05-01T10:00:00Z" };
  const { unmount } = show(port, "read");
  await screen.findByText(/^Log pending/);
  unmount();
  show(port, "read", 2);
  await waitFor(() => expect(screen.queryByText(/^Log pending/)).toBeNull());
});

it("speaks Dutch", async () => {
  show(new FakeComposeLogging(), "compose", 0, "nl-NL");
  expect(screen.getByRole("checkbox", { name: "Vastleggen bij verzenden" })).toBeInTheDocument();
});
