import { isProtectedMail, knownAttachmentSizes, readMailContent, type ContentHostItem } from "./mail-content";

const ok = <T>(value: T) => ({ status: "succeeded", value });
const b64 = (s: string) => Buffer.from(s).toString("base64");
const text = (b: Uint8Array) => new TextDecoder().decode(b);

function item(extra: Partial<ContentHostItem> = {}): ContentHostItem {
  return {
    itemClass: "IPM.Note",
    attachments: [
      { id: "a1", name: "quote.pdf", size: 5, attachmentType: "file" },
      { id: "a2", name: "logo.png", size: 3, attachmentType: "file", isInline: true },
      { id: "a3", name: "Plan.docx", size: 0, attachmentType: "cloud" },
      { id: "a4", name: "Earlier mail", size: 9, attachmentType: "item" },
    ],
    body: { getAsync: (type, cb) => cb(ok(type === "text" ? "Hi\n-- \nsig" : "<p>Hi</p>")) },
    getAttachmentContentAsync: (id, cb) =>
      cb(
        ok(
          id === "a1"
            ? { format: "base64", content: b64("%PDF-") }
            : id === "a3"
              ? { format: "url", content: "https://contoso.sharepoint.com/plan.docx" }
              : { format: "eml", content: "From: x\r\n\r\nold" },
        ),
      ),
    ...extra,
  };
}

/** Mailbox requirement sets up to 1.{max}: versions compare by their minor number (1.8 < 1.13). */
const upTo = (max: number) => ({ isSetSupported: (_n: string, v: string) => Number(v.split(".")[1]) <= max });
const only114 = upTo(14);
const upTo113 = upTo(13);

describe("readMailContent", () => {
  it("takes the .eml from getAsFileAsync when Mailbox 1.14 is supported", async () => {
    const c = await readMailContent(
      item({ getAsFileAsync: (cb) => cb(ok(b64("From: a\r\n\r\nHi"))) }),
      only114,
      {
        whole: true,
      },
    );
    expect(c.source).toBe("eml");
    expect(c.plainBody).toBe("Hi\n-- \nsig");
    expect(c.files.map((f) => [f.name, text(f.bytes)])).toEqual([["mail.eml", "From: a\r\n\r\nHi"]]);
  });

  it("falls back to the HTML body and the kept attachments below 1.14; cloud attachments become links; inline ones stay with the body", async () => {
    const fileApi = jest.fn((cb) => cb(ok(b64("x"))));
    const c = await readMailContent(item({ getAsFileAsync: fileApi }), upTo113, { whole: true });
    expect(fileApi).not.toHaveBeenCalled();
    expect(c.source).toBe("html");
    expect(c.files.map((f) => f.name)).toEqual([
      "mail.html",
      "quote.pdf",
      "Earlier mail.eml",
      "Cloud attachments.txt",
    ]);
    expect(text(c.files[1]!.bytes)).toBe("%PDF-");
    expect(c.links).toEqual([{ name: "Plan.docx", url: "https://contoso.sharepoint.com/plan.docx" }]);
  });

  it("leaves out the attachments the user unticked", async () => {
    const c = await readMailContent(item(), upTo113, { whole: true, keepAttachmentIds: new Set(["a4"]) });
    expect(c.files.map((f) => f.name)).toEqual(["mail.html", "Earlier mail.eml"]);
  });

  it("reads only the plain body for an excerpt", async () => {
    const c = await readMailContent(item(), only114, { whole: false });
    expect(c).toEqual({ plainBody: "Hi\n-- \nsig", files: [], source: "none", links: [], unreadable: [] });
  });

  it("never copies protected mail (IRM or S/MIME) and says why", async () => {
    for (const p of [
      item({ itemClass: "IPM.Note.SMIME" }),
      item({ attachments: [{ id: "r", name: "message.rpmsg", size: 10 }] }),
    ]) {
      expect(isProtectedMail(p)).toBe(true);
      const c = await readMailContent(p, only114, { whole: true });
      expect(c.notCopied).toBe("protected");
      expect(c.files).toEqual([]);
    }
    expect(isProtectedMail(item())).toBe(false);
  });

  it("rejects with the API's name when the host fails", async () => {
    const failing = item({
      getAsFileAsync: (cb) =>
        cb({ status: "failed", value: "", error: { name: "ItemNotSaved", message: "no" } }),
    });
    await expect(readMailContent(failing, only114, { whole: true })).rejects.toThrow(/getAsFileAsync/);
  });

  it("leaves out an attachment Outlook will not give and keeps the rest, naming it", async () => {
    const c = await readMailContent(
      item({
        getAttachmentContentAsync: (id, cb) =>
          id === "a4"
            ? cb({
                status: "failed",
                value: { format: "", content: "" },
                error: { name: "GenericResponseError", message: "no" },
              } as never)
            : cb(ok({ format: "base64", content: b64("%PDF-") })),
      }),
      upTo113,
      { whole: true, keepAttachmentIds: new Set(["a1", "a4"]) },
    );
    expect(c.files.map((f) => f.name)).toEqual(["mail.html", "quote.pdf"]);
    expect(c.unreadable).toEqual(["Earlier mail"]);
  });

  it("knows the kept attachments' sizes before reading anything (cloud and inline ones excluded)", () => {
    expect(knownAttachmentSizes(item(), new Set(["a1", "a2", "a3", "a4"]))).toEqual([
      { name: "quote.pdf", size: 5 },
      { name: "Earlier mail", size: 9 },
    ]);
  });
});
