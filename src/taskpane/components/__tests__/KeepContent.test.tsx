// Issue 15 in the pane: "Keep with the entry" (nothing, an excerpt, the whole mail), the attachments to keep, the
// size limit before anything is read or uploaded, protected mail, the outbox, the user's default and history rows.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { PROTECTED_NOTE, type KeepContentRequest } from "../../../domain/content-ports";
import type { ContentChoice } from "../../../domain/content-choice";
import type { ContentKeeping } from "../../hooks/useKeepContent";
import { FakeMailContent } from "../../test-support/fake-mail-content";
import { FakeStore, gate } from "../../test-support/fake-store";
import type { KeepContentContext, KeepContentResult } from "../../../domain/content-ports";
import type { LogRequest } from "../../../domain/ports";
import { JANE, mailFromJane } from "../../test-support/fixtures";
import { renderPane } from "../../test-support/render";

const MB = 1024 * 1024;

function setup(
  options: {
    content?: FakeMailContent;
    cap?: ContentChoice;
    limitBytes?: number;
    store?: FakeStore;
    displayLanguage?: string;
    compose?: boolean;
  } = {},
) {
  const content = options.content ?? new FakeMailContent();
  const store = options.store ?? new FakeStore();
  const keeping: ContentKeeping = {
    source: content,
    cap: options.cap ?? "full",
    limitBytes: options.limitBytes ?? 25 * MB,
  };
  const item = mailFromJane(options.compose ? { mode: "compose" } : {});
  const view = renderPane(item, {
    store,
    keeping,
    ...(options.displayLanguage ? { displayLanguage: options.displayLanguage } : {}),
  });
  return { ...view, content, store };
}

const keepSelect = () => screen.findByLabelText("Keep with the entry");
const logButton = () => screen.findByRole("button", { name: /^Log/ });
const keptRequests = (store: FakeStore) =>
  store.callsOf("keepContent").map((args) => args[0] as KeepContentRequest);

describe("keep with the entry", () => {
  it("keeps an excerpt by default: the plain body reaches the store with the new entry, and history shows it", async () => {
    const { store, content } = setup();
    expect(await keepSelect()).toHaveDisplayValue("An excerpt (the first 2,000 characters)");
    fireEvent.click(await logButton());
    expect(await screen.findByText("An excerpt of the mail is kept with the entry.")).toBeInTheDocument();
    const [req] = keptRequests(store);
    const entry = store.entries.find((e) => e.contactNo === JANE.contactNo)!;
    expect(req).toMatchObject({ sourceId: "<msg-1@acme.com>", choice: "excerpt", entryIds: [entry.id] });
    expect(req!.files).toBeUndefined();
    expect(content.reads).toEqual([{ whole: false, keepAttachmentIds: [] }]);
    expect(entry.bodyExcerpt).toBe("Hello Mia,\n\nHere is the offer.");
    // The history row offers the kept mail, shown as text.
    const toggle = await screen.findByRole("button", { name: /Show kept mail/ });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    fireEvent.click(toggle);
    expect(await screen.findByTestId("kept-content")).toHaveTextContent("Here is the offer.");
    expect(screen.getByRole("button", { name: /Hide kept mail/ })).toHaveAttribute("aria-expanded", "true");
  });

  it("keeps the whole mail with the attachments left ticked, and links the folder", async () => {
    const content = new FakeMailContent("Body", [
      { id: "a1", name: "Offer.pdf", size: 40_000 },
      { id: "a2", name: "Plan.png", size: 120_000 },
      { id: "a3", name: "Spec.docx", size: 0, cloud: true },
    ]);
    const { store } = setup({ content });
    fireEvent.change(await keepSelect(), { target: { value: "full" } });
    const group = await screen.findByRole("group", { name: "Attachments to keep" });
    expect(within(group).getByLabelText("Offer.pdf (39 KB)")).toBeChecked();
    expect(within(group).getByLabelText("Spec.docx (kept as a link)")).toBeChecked();
    fireEvent.click(within(group).getByLabelText("Plan.png (117 KB)"));
    fireEvent.click(await logButton());
    expect(await screen.findByText("The mail is kept in SharePoint (2 files).")).toBeInTheDocument();
    expect(content.reads).toEqual([{ whole: true, keepAttachmentIds: ["a1", "a3"] }]);
    const [req] = keptRequests(store);
    expect(req!.choice).toBe("full");
    expect(req!.files!.map((f) => f.name)).toEqual(["mail.html", "Offer.pdf"]);
    const link = screen.getByRole("link", { name: "Open the kept mail in SharePoint" });
    expect(link.getAttribute("href")).toMatch(/Interaction%20Documents\/item-[0-9a-f]+$/);
    const stored = store.entries.find((e) => e.contactNo === JANE.contactNo)!.documentUrl!;
    expect(link.getAttribute("href")).toBe(new URL(stored).href);
  });

  it("keeps the rest when Outlook will not give an attachment, and says which", async () => {
    const content = new FakeMailContent("Body", [
      { id: "a1", name: "Offer.pdf", size: 40_000 },
      { id: "a2", name: "Forwarded.eml", size: 3_000 },
    ]);
    content.unreadable.add("a2");
    const { store } = setup({ content });
    fireEvent.change(await keepSelect(), { target: { value: "full" } });
    fireEvent.click(await logButton());
    expect(await screen.findByText("The mail is kept in SharePoint (2 files).")).toBeInTheDocument();
    expect(
      screen.getByText("Not kept: Forwarded.eml (Outlook could not give these attachments)."),
    ).toBeInTheDocument();
    expect(keptRequests(store)[0]!.files!.map((f) => f.name)).toEqual(["mail.html", "Offer.pdf"]);
  });

  it("reads the mail when Log is pressed, so selecting another item while the log is written keeps the right mail", async () => {
    const open = gate();
    class SlowLog extends FakeStore {
      override async logInteraction(request: LogRequest, options?: { requestId?: string }) {
        await open.promise;
        return super.logInteraction(request, options);
      }
    }
    const content = new FakeMailContent("Jane's words");
    content.selectedItemId = "AAMk-1";
    const { store } = setup({ content, store: new SlowLog() });
    fireEvent.click(await logButton());
    await waitFor(() => expect(content.reads).toHaveLength(1));
    // The user moves on before the log is written: the next read would be refused as another item.
    content.selectedItemId = "AAMk-2";
    open.open();
    expect(await screen.findByText("An excerpt of the mail is kept with the entry.")).toBeInTheDocument();
    expect(keptRequests(store)[0]!.plainBody).toBe("Jane's words");
  });

  it("shows the upload's progress while the files are sent", async () => {
    const open = gate();
    class SlowStore extends FakeStore {
      override async keepContent(
        request: KeepContentRequest,
        context: KeepContentContext,
      ): Promise<KeepContentResult> {
        context.onProgress?.(3 * MB, 6 * MB);
        await open.promise;
        return super.keepContent(request, { log: context.log });
      }
    }
    const content = new FakeMailContent("Body", [{ id: "v", name: "survey.mp4", size: 6 * MB }]);
    setup({ content, store: new SlowStore() });
    fireEvent.change(await keepSelect(), { target: { value: "full" } });
    fireEvent.click(await logButton());
    const bar = await screen.findByRole("progressbar", { name: "Keeping the mail in SharePoint" });
    expect(bar).toHaveAttribute("aria-valuenow", "0.5");
    expect(bar).toHaveAttribute("aria-valuetext", "Keeping the mail in SharePoint: 3.0 MB of 6.0 MB");
    open.open();
    expect(await screen.findByText("The mail is kept in SharePoint (2 files).")).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).not.toBeInTheDocument();
  });

  it("warns before logging on an Outlook that keeps the mail as one .eml (Mailbox 1.14) when its attachments pass the limit", async () => {
    const content = new FakeMailContent("Body", [{ id: "big", name: "archive.zip", size: 30 * MB }]);
    content.whole = "eml";
    const { store } = setup({ content });
    fireEvent.change(await keepSelect(), { target: { value: "full" } });
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "With its attachments the mail comes to 30 MB; at most 25 MB per item can be kept. Keep an excerpt instead.",
    );
    // Nothing to untick: the .eml carries every attachment.
    expect(screen.queryByRole("group", { name: "Attachments to keep" })).toBeNull();
    fireEvent.click(await logButton());
    await screen.findByText(/Nothing was uploaded/);
    expect(content.reads).toEqual([{ whole: false, keepAttachmentIds: [] }]);
    const [req] = keptRequests(store);
    expect(req!.choice).toBe("excerpt");
    expect(store.folders.size).toBe(0);
  });

  it("warns before logging when the ticked files pass the limit, then keeps only the excerpt and uploads nothing", async () => {
    const content = new FakeMailContent("Body", [{ id: "big", name: "archive.zip", size: 30 * MB }]);
    const { store } = setup({ content });
    fireEvent.change(await keepSelect(), { target: { value: "full" } });
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The files come to 30 MB; at most 25 MB per item can be kept.",
    );
    fireEvent.click(await logButton());
    expect(
      await screen.findByText(
        /The mail's content comes to 30 MB; at most 25 MB per item can be kept\. Nothing was uploaded/,
      ),
    ).toBeInTheDocument();
    // Nothing big was read, nothing was uploaded: the store got the excerpt only.
    expect(content.reads).toEqual([{ whole: false, keepAttachmentIds: ["big"] }]);
    const [req] = keptRequests(store);
    expect(req!.choice).toBe("excerpt");
    expect(req!.files).toBeUndefined();
    expect(store.folders.size).toBe(0);
  });

  it("unticking the large attachment lifts the warning", async () => {
    const content = new FakeMailContent("Body", [{ id: "big", name: "archive.zip", size: 30 * MB }]);
    setup({ content });
    fireEvent.change(await keepSelect(), { target: { value: "full" } });
    await screen.findByRole("alert");
    fireEvent.click(screen.getByLabelText("archive.zip (30 MB)"));
    await waitFor(() => expect(screen.queryByRole("alert")).not.toBeInTheDocument());
  });

  it("copies nothing of a protected mail and the entry says why", async () => {
    const content = new FakeMailContent("Secret", [], true);
    const { store } = setup({ content });
    fireEvent.change(await keepSelect(), { target: { value: "full" } });
    expect(await screen.findByText(/This mail is protected \(IRM or S\/MIME\)/)).toBeInTheDocument();
    fireEvent.click(await logButton());
    expect(
      await screen.findByText("This mail is protected: its content was not copied. The entry says so."),
    ).toBeInTheDocument();
    const entry = store.entries.find((e) => e.contactNo === JANE.contactNo)!;
    expect(entry.bodyExcerpt).toBe(PROTECTED_NOTE);
    expect(entry.documentUrl).toBeUndefined();
    fireEvent.click(await screen.findByRole("button", { name: /Show kept mail/ }));
    expect(await screen.findByTestId("kept-content")).toHaveTextContent(
      "This mail is protected: its content was not copied.",
    );
  });

  it("keeps the content in the outbox when SharePoint cannot be reached, and says so", async () => {
    const store = new FakeStore();
    store.fail("keepContent", "offline");
    setup({ store });
    fireEvent.click(await logButton());
    expect(await screen.findByText(/the mail's content waits on this device/)).toBeInTheDocument();
    expect(store.pending).toHaveLength(1);
    expect(store.pending[0]!.content).toMatchObject({ sourceId: "<msg-1@acme.com>", choice: "excerpt" });
    // The entry itself was logged.
    expect(store.entries.filter((e) => e.contactNo === JANE.contactNo)).toHaveLength(1);
  });

  it("reports a failure that is not transient with a retry that keeps it", async () => {
    const store = new FakeStore();
    store.fail("keepContent", "forbidden");
    const { content } = setup({ store });
    fireEvent.click(await logButton());
    expect(await screen.findByText(/The mail's content could not be kept/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(await screen.findByText("An excerpt of the mail is kept with the entry.")).toBeInTheDocument();
    // What was read when Log was pressed is kept: the mail need not be selected any more.
    expect(content.reads).toHaveLength(1);
    expect(store.callsOf("keepContent")).toHaveLength(2);
  });

  it("offers only what the administrator allows", async () => {
    setup({ cap: "excerpt" });
    const select = await keepSelect();
    expect(
      within(select)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Nothing", "An excerpt (the first 2,000 characters)"]);
    expect(screen.getByText("Your administrator allows no more than this.")).toBeInTheDocument();
  });

  it("keeps nothing when the user chooses nothing", async () => {
    const { store, content } = setup();
    fireEvent.change(await keepSelect(), { target: { value: "none" } });
    fireEvent.click(await logButton());
    await screen.findByTestId("log-result-" + JANE.contactNo);
    expect(store.callsOf("keepContent")).toHaveLength(0);
    expect(content.reads).toHaveLength(0);
  });

  it("starts from the user's saved default and saves a new one", async () => {
    const content = new FakeMailContent();
    content.saved = "full";
    setup({ content });
    await waitFor(async () => expect(await keepSelect()).toHaveDisplayValue("The whole mail"));
    expect(screen.getByText("This is your default.")).toBeInTheDocument();
    fireEvent.change(await keepSelect(), { target: { value: "none" } });
    fireEvent.click(screen.getByRole("button", { name: "Use this choice by default" }));
    expect(await screen.findByText("This is your default.")).toBeInTheDocument();
    expect(content.saved).toBe("none");
  });

  it("is not offered while composing", async () => {
    setup({ compose: true });
    await logButton();
    expect(screen.queryByLabelText("Keep with the entry")).not.toBeInTheDocument();
  });

  it("speaks Dutch", async () => {
    const content = new FakeMailContent("Body", [{ id: "a1", name: "Offerte.pdf", size: 1.5 * MB }]);
    setup({ content, displayLanguage: "nl-NL" });
    const select = await screen.findByLabelText("Bewaren bij de post");
    fireEvent.change(select, { target: { value: "full" } });
    expect(await screen.findByLabelText("Offerte.pdf (1,5 MB)")).toBeChecked();
    fireEvent.click(screen.getByRole("button", { name: /^Interactie registreren/ }));
    expect(await screen.findByText("De mail is in SharePoint bewaard (2 bestanden).")).toBeInTheDocument();
  });
});
