// axe-core on every state of the pane (item, logged, entries view, its actions, edit, delete job, follow-up, undo,
// create contact, nothing selected), in light and dark, English and Dutch: zero violations. Screenshots of the
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
