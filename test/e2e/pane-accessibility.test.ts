// axe-core on every state of the pane (item, logged, entries view, its actions, edit, delete job, follow-up, undo,
// keeping the whole mail, what was kept, already logged, contact search and view, compose with log on send, create
// contact, nothing selected), in light and dark, English and Dutch: zero violations. Screenshots of the
// pane at 320 px go to /tmp for a person to look at.
import { en as enFirst } from "../../src/taskpane/i18n/en";
import { enViews } from "../../src/taskpane/i18n/en-views";
import { nl as nlFirst } from "../../src/taskpane/i18n/nl";
import { nlViews } from "../../src/taskpane/i18n/nl-views";
import { axeViolations, narrowPane, openItem, type AxeViolation } from "./entries-helpers";
import { FIXTURE, useWorkbench } from "./stack";

const en = { ...enFirst, ...enViews };
const nl = { ...nlFirst, ...nlViews };

jest.setTimeout(240_000);

const t = useWorkbench();
const OFFER_MAIL = "AAMkAGI2TInbox0012AAA";

/** The pane's frame after the workbench moved it to another item (compose). */
async function paneFrameOf(holder: typeof t) {
  const handle = await holder.stack.page.waitForSelector("iframe[data-testid=taskpane-frame]");
  const frame = await handle.contentFrame();
  if (!frame) throw new Error("the task pane iframe has no frame");
  holder.pane = frame;
  return frame;
}

type Combo = { lang: "en-US" | "nl-NL"; theme: "light" | "dark" };
const COMBOS: Combo[] = [
  { lang: "en-US", theme: "light" },
  { lang: "en-US", theme: "dark" },
  { lang: "nl-NL", theme: "light" },
  { lang: "nl-NL", theme: "dark" },
];

const exact = (s: string) => new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
const format = (v: AxeViolation[]) =>
  v.map(
    (x) => `${x.id} (${x.impact}): ${x.help} — ${x.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`,
  );

describe.each(COMBOS)("the pane in $lang, $theme", ({ lang, theme }) => {
  const m = lang === "nl-NL" ? nl : en;
  const seen: Record<string, string[]> = {};
  const check = async (state: string, shot = false) => {
    // Fluent's enter animations settle before axe reads colours.
    await t.stack.page.waitForTimeout(350);
    seen[state] = format(await axeViolations(t.pane));
    if (shot)
      await t.stack.page
        .locator("iframe[data-testid=taskpane-frame]")
        .screenshot({ path: `/tmp/pane-${lang}-${theme}-${state}.png` });
  };

  it("has no axe violations in any state", async () => {
    const pane = await openItem(t, "inbox", FIXTURE.robinMail, { lang, theme });
    await narrowPane(t.stack.page);
    await pane.getByRole("heading", { name: exact(m.formHeading) }).waitFor();
    await pane.getByTestId("entry-totals").waitFor();
    await check("item-form", true);

    await pane.getByRole("button", { name: exact(m.logButton) }).click();
    await pane.getByRole("button", { name: exact(m.undo) }).waitFor();
    await check("logged", true);

    await pane.getByRole("button", { name: exact(m.openEntries) }).click();
    await pane.getByRole("heading", { name: exact(m.entriesHeading) }).waitFor();
    await pane.getByTestId("entry-row").first().waitFor();
    await pane.getByTestId("entry-totals").waitFor();
    await check("entries", true);

    await pane
      .getByTestId("entry-row")
      .first()
      .getByRole("button", { name: new RegExp(`^${m.entryActionsFor.split("{")[0]}`) })
      .click();
    await pane
      .getByTestId("entry-row")
      .first()
      .getByRole("button", { name: exact(m.editEntry) })
      .waitFor();
    await check("entries-actions", true);
    await pane
      .getByTestId("entry-row")
      .first()
      .getByRole("button", { name: exact(m.editEntry) })
      .click();
    await pane.getByRole("button", { name: exact(m.save) }).waitFor();
    await check("entries-edit");
    await pane.getByRole("button", { name: exact(m.cancel) }).click();

    await pane.getByRole("button", { name: exact(m.deleteCanceledOpen) }).click();
    await pane.getByRole("button", { name: exact(m.deleteCount) }).click();
    await pane.getByRole("button", { name: exact(m.close) }).waitFor();
    await check("delete-canceled", true);
    await pane.getByRole("button", { name: exact(m.close) }).click();

    await pane
      .getByTestId("entry-row")
      .first()
      .getByRole("button", { name: new RegExp(`^${m.entryActionsFor.split("{")[0]}`) })
      .click();
    await pane
      .getByTestId("entry-row")
      .first()
      .getByRole("button", { name: exact(m.logFollowUp) })
      .click();
    await pane.getByRole("button", { name: exact(m.backToEntries) }).waitFor();
    await check("follow-up", true);
    await pane.getByRole("button", { name: exact(m.backToEntries) }).click();

    await pane.getByRole("button", { name: exact(m.backToItem) }).click();
    await pane.getByRole("button", { name: exact(m.undo) }).click();
    await pane.getByRole("heading", { name: exact(m.formHeading) }).waitFor();
    await check("undone", true);

    // Issue 15: keeping the whole mail (attachments to tick), what was kept, and the kept mail in history.
    const offer = await openItem(t, "inbox", OFFER_MAIL, { lang, theme });
    await narrowPane(t.stack.page);
    await offer.getByLabel(exact(m.keepHeading)).selectOption("full");
    await offer.getByRole("group", { name: exact(m.keepAttachments) }).waitFor();
    await check("keep-whole", true);
    await offer.getByRole("button", { name: new RegExp(`^${m.logButtonFor_other.split("{")[0]}`) }).click();
    await offer.getByTestId("keep-result").waitFor();
    await offer
      .getByRole("button", { name: new RegExp(`^${m.keptShow}`) })
      .first()
      .click();
    await offer.getByTestId("kept-content").first().waitFor();
    await check("kept", true);
    // Opened again: already logged (the banner), the form folded, history first.
    const again = await openItem(t, "inbox", OFFER_MAIL, { lang, theme });
    await again.getByRole("button", { name: exact(m.logAnother) }).waitFor();
    await check("already-logged", true);
    // Cancel the segment so that the next language and theme can log the mail again.
    await again.getByRole("button", { name: exact(m.openEntries) }).click();
    const segmentRow = again
      .getByTestId("entry-row")
      .filter({ hasText: "Signed offer and floor plan" })
      .first();
    await segmentRow.getByRole("button", { name: new RegExp(`^${m.entryActionsFor.split("{")[0]}`) }).click();
    await segmentRow.getByRole("button", { name: exact(m.cancelSegment) }).click();
    await again.getByText(m.segmentCanceled_other.replace("{count}", "2")).waitFor();

    // Contacts beyond the item: the search with its results, and a found contact's view.
    await again.getByRole("button", { name: exact(m.backToItem) }).click();
    await again.getByRole("button", { name: exact(m.findContact) }).click();
    await again
      .getByRole("combobox", { name: exact(m.searchContacts) })
      .pressSequentially("Kim", { delay: 30 });
    await again.getByRole("option", { name: /Kim Akers/ }).waitFor();
    await check("contact-search", true);
    await again.getByRole("option", { name: /Kim Akers/ }).click();
    await again.getByRole("heading", { name: "Kim Akers" }).waitFor();
    await check("contact-view");

    // A new mail in compose: the log-on-send switch.
    await openItem(t, "inbox", FIXTURE.samMail, { lang, theme });
    await t.stack.page.getByTestId("new-email").click();
    const compose = await paneFrameOf(t);
    await compose.getByRole("checkbox", { name: exact(m.logWhenSent) }).waitFor();
    await check("compose", true);
    await t.stack.page.getByTestId("compose-discard").click();

    const sam = await openItem(t, "inbox", FIXTURE.samMail, { lang, theme });
    await sam
      .getByRole("button", { name: new RegExp(m.createContact) })
      .first()
      .click();
    await sam.getByRole("button", { name: exact(m.save) }).waitFor();
    await check("create-contact");

    const none = await openItem(t, "inbox", "none-such-item", { lang, theme });
    await none.getByRole("heading", { name: exact(m.noItemTitle) }).waitFor();
    await check("no-item");

    expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((k) => [k, []])));
  });
});
