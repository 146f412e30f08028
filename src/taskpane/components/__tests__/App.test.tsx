import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { LogRequest } from "../../../domain/ports";
import { FakeStore, gate } from "../../test-support/fake-store";
import { JANE, mailFromJane, mailToSegment, PETER, INFO_B, USER } from "../../test-support/fixtures";
import { renderPane } from "../../test-support/render";

async function ready() {
  return screen.findByRole("heading", { name: "Log interaction" });
}

function logButton(name: string | RegExp = /^Log (interaction|for)/) {
  return screen.getByRole("button", { name });
}

describe("item context", () => {
  it("shows a known person with name and company, checked; others by their match", async () => {
    renderPane(mailFromJane());
    await ready();
    const jane = screen.getByRole("checkbox", { name: "Jane Doe" });
    expect(jane).toBeChecked();
    expect(screen.getByText("Acme Corp · jane@acme.com")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Create contact for tom@fabrikam.com" })).toBeInTheDocument();
    expect(screen.getByText("bob@contoso.com · Colleague: not logged")).toBeInTheDocument();
    expect(screen.getByText("someone@gmail.com · Never logged (excluded address)")).toBeInTheDocument();
    // Only loggable rows get a checkbox.
    expect(screen.getAllByRole("checkbox", { name: /Jane|Tom|Colleague|Private|Mia/ })).toHaveLength(1);
  });

  it("defaults the form from the Emails template and the item", async () => {
    renderPane(mailFromJane());
    await ready();
    expect(screen.getByLabelText(/Interaction template/)).toHaveValue("EMAIL");
    expect(screen.getByLabelText(/Description/)).toHaveValue("Quote for 40 widgets");
    expect(screen.getByLabelText("Cost (LCY)")).toHaveValue("0.5");
    expect(screen.getByLabelText("Duration (minutes)")).toHaveValue("5");
    expect(screen.getByLabelText("Information flow")).toHaveValue("Inbound");
    expect(screen.getByLabelText("Initiated by")).toHaveValue("Them");
    expect(screen.getByLabelText("Correspondence type")).toHaveValue("Email");
    expect(screen.getByText("20 of 100 characters")).toBeInTheDocument();
    // Blocked templates are not offered.
    expect(screen.queryByRole("option", { name: /Old mail template/ })).toBeNull();
    expect(screen.getByRole("group", { name: "Sales" })).toBeInTheDocument();
  });

  it("shows the empty state when nothing is selected", async () => {
    renderPane(null);
    expect(await screen.findByRole("heading", { name: "Nothing to log" })).toBeInTheDocument();
  });

  it("explains offline with Retry, which reloads", async () => {
    const store = new FakeStore();
    store.fail("loadItemContext", "offline");
    renderPane(mailFromJane(), { store });
    expect(await screen.findByText(/Can't reach SharePoint/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    await ready();
    expect(store.callsOf("loadItemContext")).toHaveLength(2);
  });

  it("asks to contact the administrator when forbidden", async () => {
    const store = new FakeStore();
    store.fail("loadItemContext", "forbidden");
    renderPane(mailFromJane(), { store });
    expect(await screen.findByText(/ask your administrator/)).toBeInTheDocument();
  });

  it("offers to set up the lists when they are missing, then loads the item", async () => {
    const store = new FakeStore();
    store.provisioned = false;
    renderPane(mailFromJane(), { store });
    expect(await screen.findByText(/have not been set up/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Set up SharePoint lists" }));
    await ready();
    expect(store.callsOf("provisionLists")).toHaveLength(1);
  });

  it("shows an unknown error's message and details", async () => {
    const store = new FakeStore();
    store.fail("loadItemContext", "unknown", "boom <b>not html</b>");
    renderPane(mailFromJane(), { store });
    expect(await screen.findByText(/Details: boom <b>not html<\/b> · HTTP 503/)).toBeInTheDocument();
  });
});

describe("logging", () => {
  it("sends the draft for the checked contact and puts the new entry on top of history", async () => {
    const store = new FakeStore();
    store.seedEntries([
      {
        description: "Older call",
        contactNo: JANE.contactNo,
        interactionDate: "2024-01-10T08:00:00.000Z",
        templateCode: "SALESCALL",
        costLCY: 12.5,
        durationMin: 15,
        userId: "mia@contoso.com",
        attemptFailed: false,
        canceled: false,
        sourceKind: "Manual",
        dedupeKey: "X-old-CT000002",
      },
    ]);
    renderPane(mailFromJane(), { store });
    await ready();
    await screen.findByText("Older call");
    fireEvent.change(screen.getByLabelText("Evaluation"), { target: { value: "Positive" } });
    fireEvent.click(logButton("Log interaction"));

    expect(await screen.findByText("Interaction logged for 1 contact.")).toBeInTheDocument();
    const [request] = store.callsOf("logInteraction")[0] as [LogRequest];
    expect(request.contacts.map((c) => c.contactNo)).toEqual([JANE.contactNo]);
    expect(request.user).toEqual(USER);
    expect(request.correspondence?.sourceId).toBe("<msg-1@acme.com>");
    expect(request.draft).toEqual({
      templateCode: "EMAIL",
      description: "Quote for 40 widgets",
      interactionDate: "2024-05-02T09:30:00.000Z",
      informationFlow: "Inbound",
      initiatedBy: "Them",
      evaluation: "Positive",
      attemptFailed: false,
      costLCY: 0.5,
      durationMin: 5,
      correspondenceType: "Email",
    });
    expect(
      within(screen.getByTestId(`log-result-${JANE.contactNo}`)).getByText("Logged"),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByTestId("history-entry")).toHaveLength(2));
    const rows = screen.getAllByTestId("history-entry");
    expect(within(rows[0]!).getByText("Quote for 40 widgets")).toBeInTheDocument();
    expect(within(rows[0]!).getByText("Inbound")).toBeInTheDocument();
    expect(within(rows[1]!).getByText("Older call")).toBeInTheDocument();
    // Exact totals of the contact, counted by the store after the first page is on screen.
    await waitFor(() =>
      expect(within(screen.getByTestId("entry-totals")).getAllByRole("definition")[0]).toHaveTextContent("2"),
    );
    // Logged for everyone selected: the form folds into one line, history right below it.
    expect(screen.queryByRole("heading", { name: "Log interaction" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Log another interaction" }));
    // The logged contact is unchecked and marked, so a second click cannot log it twice by accident.
    expect(screen.getByRole("checkbox", { name: "Jane Doe" })).not.toBeChecked();
    expect(screen.getAllByText("already logged").length).toBeGreaterThan(0);
  });

  it("shows validation messages next to the fields and does not call the store", async () => {
    const store = new FakeStore();
    renderPane(mailFromJane(), { store });
    await ready();
    fireEvent.change(screen.getByLabelText(/Description/), { target: { value: "  " } });
    fireEvent.change(screen.getByLabelText("Cost (LCY)"), { target: { value: "-3" } });
    fireEvent.change(screen.getByLabelText("Duration (minutes)"), { target: { value: "abc" } });
    fireEvent.click(screen.getByRole("checkbox", { name: "Jane Doe" }));
    fireEvent.click(logButton("Log interaction"));

    expect(await screen.findByText("This field is required.")).toBeInTheDocument();
    expect(screen.getByText("Must not be negative.")).toBeInTheDocument();
    expect(screen.getByText("Enter a number.")).toBeInTheDocument();
    expect(screen.getByText("Choose at least one contact to log for.")).toBeInTheDocument();
    expect(screen.getByLabelText(/Description/)).toHaveFocus();
    expect(screen.getByLabelText(/Description/)).toHaveAttribute("aria-invalid", "true");
    expect(store.callsOf("logInteraction")).toHaveLength(0);

    // Messages follow the fields once shown: fixing the description removes its message.
    fireEvent.change(screen.getByLabelText(/Description/), { target: { value: "Fixed" } });
    expect(screen.queryByText("This field is required.")).toBeNull();
  });

  it("keeps everything typed when the store fails, and says SharePoint is unreachable", async () => {
    const store = new FakeStore();
    store.fail("logInteraction", "offline");
    renderPane(mailFromJane(), { store });
    await ready();
    fireEvent.change(screen.getByLabelText(/Description/), { target: { value: "Discussed pricing" } });
    fireEvent.change(screen.getByLabelText("Comment"), { target: { value: "Call back Friday" } });
    fireEvent.change(screen.getByLabelText("Cost (LCY)"), { target: { value: "7,25" } });
    fireEvent.click(screen.getByRole("checkbox", { name: "Attempt failed" }));
    fireEvent.click(logButton("Log interaction"));

    expect(await screen.findByText(/Can't reach SharePoint/)).toBeInTheDocument();
    expect(screen.getByText("The interaction was not logged. Your input is kept.")).toBeInTheDocument();
    expect(screen.getByLabelText(/Description/)).toHaveValue("Discussed pricing");
    expect(screen.getByLabelText("Comment")).toHaveValue("Call back Friday");
    expect(screen.getByLabelText("Cost (LCY)")).toHaveValue("7,25");
    expect(screen.getByRole("checkbox", { name: "Attempt failed" })).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Jane Doe" })).toBeChecked();

    // The retry sends exactly what was typed.
    fireEvent.click(logButton("Log interaction"));
    expect(await screen.findByText("Interaction logged for 1 contact.")).toBeInTheDocument();
    const [request] = store.callsOf("logInteraction")[1] as [LogRequest];
    expect(request.draft).toMatchObject({
      description: "Discussed pricing",
      comment: "Call back Friday",
      costLCY: 7.25,
      attemptFailed: true,
    });
  });

  it("logs a segment for several contacts and shows each contact's result", async () => {
    const store = new FakeStore();
    renderPane(mailToSegment(), { store });
    await ready();
    expect(screen.getByRole("checkbox", { name: "Jane Doe" })).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Peter Green" })).toBeChecked();
    expect(logButton()).toHaveTextContent("Log for 2 contacts");
    // The ambiguous address needs a choice before it can be logged.
    fireEvent.change(screen.getByLabelText("Which contact is info@initech.com?"), {
      target: { value: INFO_B.contactNo },
    });
    expect(screen.getByRole("checkbox", { name: "Bert Info" })).toBeChecked();
    expect(logButton()).toHaveTextContent("Log for 3 contacts");
    fireEvent.click(logButton());

    expect(await screen.findByText("Interaction logged for 3 contacts.")).toBeInTheDocument();
    const [request] = store.callsOf("logInteraction")[0] as [LogRequest];
    expect(request.contacts.map((c) => c.contactNo)).toEqual([
      JANE.contactNo,
      PETER.contactNo,
      INFO_B.contactNo,
    ]);
    expect(request.draft).toMatchObject({ informationFlow: "Outbound", initiatedBy: "Us" });
    for (const c of [JANE, PETER, INFO_B]) {
      const row = screen.getByTestId(`log-result-${c.contactNo}`);
      expect(row).toHaveTextContent(c.name);
      expect(within(row).getByText("Logged")).toBeInTheDocument();
    }
    expect(new Set(store.entries.map((e) => e.loggedSegmentId)).size).toBe(1);
  });

  it("shows per-contact outcomes other than logged: queued and failed", async () => {
    const store = new FakeStore();
    store.logInteraction = async (request) => {
      store.calls.push({ method: "logInteraction", args: [request] });
      return {
        results: [
          { contactNo: JANE.contactNo, status: "queued" },
          {
            contactNo: PETER.contactNo,
            status: "failed",
            error: new (await import("../../../domain/errors")).StoreError("forbidden", "no write access"),
          },
        ],
      };
    };
    renderPane(mailToSegment(), { store });
    await ready();
    fireEvent.click(logButton());
    expect(
      await screen.findByText("Queued: will be sent when SharePoint can be reached"),
    ).toBeInTheDocument();
    expect(screen.getByTestId(`log-result-${PETER.contactNo}`)).toHaveTextContent(
      /Failed: .*ask your administrator.*no write access/,
    );
  });

  it("follows a template change: template values move, typed values stay", async () => {
    renderPane(mailFromJane());
    await ready();
    fireEvent.change(screen.getByLabelText("Duration (minutes)"), { target: { value: "42" } });
    fireEvent.change(screen.getByLabelText(/Interaction template/), { target: { value: "SALESCALL" } });
    expect(screen.getByLabelText("Cost (LCY)")).toHaveValue("12.5");
    expect(screen.getByLabelText("Duration (minutes)")).toHaveValue("42");
    expect(screen.getByLabelText("Information flow")).toHaveValue("Outbound");
    expect(screen.getByLabelText("Correspondence type")).toHaveValue("Phone Call");
  });

  it("marks contacts already logged from this item and names them in a banner", async () => {
    const store = new FakeStore();
    const first = renderPane(mailFromJane(), { store });
    await ready();
    fireEvent.click(logButton("Log interaction"));
    await screen.findByText("Interaction logged for 1 contact.");
    first.unmount();

    renderPane(mailFromJane(), { store });
    expect(await screen.findByText(/^Logged for Jane Doe on .+ by mia@contoso\.com$/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Log another interaction" }));
    await ready();
    expect(screen.getByRole("checkbox", { name: "Jane Doe" })).not.toBeChecked();
  });
});

describe("selection changes", () => {
  it("resets the form for the new item", async () => {
    const { mailbox } = renderPane(mailFromJane());
    await ready();
    fireEvent.change(screen.getByLabelText(/Description/), { target: { value: "typed for item 1" } });
    act(() => mailbox.select(mailToSegment()));
    await waitFor(() => expect(screen.getByLabelText(/Description/)).toHaveValue("Newsletter May"));
    expect(screen.getByRole("checkbox", { name: "Peter Green" })).toBeChecked();
  });

  it("ignores a slow response for an item that is no longer selected", async () => {
    const store = new FakeStore();
    const slow = gate();
    store.contextGates.set("<msg-1@acme.com>", slow);
    const { mailbox } = renderPane(mailFromJane(), { store });
    await waitFor(() => expect(store.callsOf("loadItemContext")).toHaveLength(1));
    act(() => mailbox.select(mailToSegment()));
    await waitFor(() => expect(screen.getByLabelText(/Description/)).toHaveValue("Newsletter May"));
    await act(async () => {
      slow.open();
      await slow.promise;
    });
    expect(screen.getByLabelText(/Description/)).toHaveValue("Newsletter May");
    expect(screen.queryByRole("checkbox", { name: "Jane Doe" })).toBeChecked();
    expect(screen.getByRole("checkbox", { name: "Peter Green" })).toBeInTheDocument();
  });

  it("stops listening when the pane goes away", async () => {
    const { mailbox, unmount } = renderPane(mailFromJane());
    await ready();
    expect(mailbox.listenerCount).toBe(1);
    unmount();
    expect(mailbox.listenerCount).toBe(0);
  });
});
