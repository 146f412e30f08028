import { createMailContentSource, KEEP_CONTENT_SETTING, type ContentSourceHost } from "./content-source";
import { lazyMailContentSource } from "./content-source-lazy";

const ok = <T>(value: T) => ({ status: "succeeded", value });
const b64 = (s: string) => Buffer.from(s).toString("base64");
const later = (fn: () => void) => setTimeout(fn, 0);

/** Mailbox requirement sets up to 1.{max}. */
const upTo = (max: number) => ({ isSetSupported: (_n: string, v: string) => Number(v.split(".")[1]) <= max });

function host(options: { item?: unknown; max?: number; settings?: Record<string, unknown> } = {}) {
  const values = { ...(options.settings ?? {}) };
  const saves: Record<string, unknown>[] = [];
  const office: ContentSourceHost = {
    context: {
      requirements: upTo(options.max ?? 8),
      roamingSettings: {
        get: (name) => values[name],
        set: (name, value) => void (values[name] = value),
        remove: (name) => void delete values[name],
        saveAsync: (cb) => later(() => (saves.push({ ...values }), cb?.(ok(undefined) as never))),
      },
      mailbox: { item: options.item },
    },
  };
  return { office, values, saves };
}

function readMail(extra: Record<string, unknown> = {}) {
  return {
    itemType: "message",
    itemClass: "IPM.Note",
    subject: "Offer",
    attachments: [
      { id: "a1", name: "offer.pdf", size: 5, attachmentType: "file" },
      { id: "a2", name: "logo.png", size: 3, attachmentType: "file", isInline: true },
      { id: "a3", name: "Spec.docx", size: 0, attachmentType: "cloud" },
    ],
    body: {
      getAsync: (type: string, cb: (r: unknown) => void) =>
        later(() => cb(ok(type === "text" ? "Hello\n-- \nJane" : "<p>Hello</p>"))),
    },
    getAttachmentContentAsync: (id: string, cb: (r: unknown) => void) =>
      later(() =>
        cb(
          ok(
            id === "a1"
              ? { format: "base64", content: b64("%PDF-") }
              : { format: "url", content: "https://contoso.sharepoint.com/Spec.docx" },
          ),
        ),
      ),
    ...extra,
  };
}

describe("the mail content source (Office.js)", () => {
  it("describes a read-mode mail: its attachments to tick (no inline ones, cloud ones marked) below Mailbox 1.14", async () => {
    const source = createMailContentSource(host({ item: readMail() }).office);
    await expect(source.describe()).resolves.toEqual({
      whole: "html",
      attachments: [
        { id: "a1", name: "offer.pdf", size: 5, cloud: false },
        { id: "a3", name: "Spec.docx", size: 0, cloud: true },
      ],
      protected: false,
      attachmentBytes: 8,
    });
  });

  it("offers the .eml (attachments inside it) where Mailbox 1.14 has getAsFileAsync", async () => {
    const item = readMail({
      getAsFileAsync: (cb: (r: unknown) => void) => later(() => cb(ok(b64("From: a")))),
    });
    const source = createMailContentSource(host({ item, max: 14 }).office);
    await expect(source.describe()).resolves.toMatchObject({ whole: "eml", attachments: [] });
    const read = await source.read({ whole: true, keepAttachmentIds: new Set() });
    expect(read.files.map((f) => f.name)).toEqual(["mail.eml"]);
  });

  it("offers nothing for compose items and meetings", async () => {
    const compose = readMail({ subject: { getAsync: () => undefined } });
    await expect(createMailContentSource(host({ item: compose }).office).describe()).resolves.toBeUndefined();
    const meeting = readMail({ itemType: "appointment" });
    await expect(createMailContentSource(host({ item: meeting }).office).describe()).resolves.toBeUndefined();
    await expect(createMailContentSource(host({ item: null }).office).describe()).resolves.toBeUndefined();
    await expect(
      createMailContentSource(host({ item: compose }).office).read({
        whole: false,
        keepAttachmentIds: new Set(),
      }),
    ).rejects.toThrow("not a mail in read mode");
  });

  it("reads the plain body, and with the whole mail the HTML body and only the ticked attachments", async () => {
    const source = createMailContentSource(host({ item: readMail() }).office);
    const excerptOnly = await source.read({ whole: false, keepAttachmentIds: new Set(["a1"]) });
    expect(excerptOnly).toEqual({ plainBody: "Hello\n-- \nJane", files: [] });
    const whole = await source.read({ whole: true, keepAttachmentIds: new Set(["a3"]) });
    expect(whole.files.map((f) => f.name)).toEqual(["mail.html", "Cloud attachments.txt"]);
  });

  it("refuses to read when another item is selected than the one logged, and counts the attachments' bytes", async () => {
    const source = createMailContentSource(host({ item: readMail({ itemId: "AAMk-B" }) }).office);
    await expect(source.describe()).resolves.toMatchObject({ attachmentBytes: 8 });
    await expect(source.read({ whole: false, itemId: "AAMk-A" })).rejects.toThrow(
      /Another item was selected/,
    );
    await expect(source.read({ whole: false, itemId: "AAMk-B" })).resolves.toMatchObject({
      plainBody: "Hello\n-- \nJane",
    });
  });

  it("copies nothing of a protected mail, not even its body", async () => {
    const body = jest.fn();
    const item = readMail({ itemClass: "IPM.Note.SMIME", body: { getAsync: body } });
    const source = createMailContentSource(host({ item }).office);
    await expect(source.describe()).resolves.toMatchObject({ protected: true });
    await expect(source.read({ whole: true, keepAttachmentIds: new Set(["a1"]) })).resolves.toEqual({
      plainBody: "",
      files: [],
      notCopied: "protected",
    });
    expect(body).not.toHaveBeenCalled();
  });

  it("keeps the user's default in the roaming settings and ignores values it does not know", async () => {
    const h = host({ item: readMail(), settings: { [KEEP_CONTENT_SETTING]: "everything" } });
    const source = createMailContentSource(h.office);
    await expect(source.defaultChoice()).resolves.toBeUndefined();
    await source.setDefaultChoice("full");
    expect(h.saves).toEqual([{ [KEEP_CONTENT_SETTING]: "full" }]);
    await expect(source.defaultChoice()).resolves.toBe("full");
  });

  it("loads on demand: the lazy port answers the same", async () => {
    const h = host({ item: readMail() });
    const source = lazyMailContentSource(h.office);
    await expect(source.describe()).resolves.toMatchObject({ whole: "html" });
    await source.setDefaultChoice("none");
    await expect(source.defaultChoice()).resolves.toBe("none");
  });
});
