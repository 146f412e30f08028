// Accessibility and narrow-pane layout checks over the whole pane: labels, live regions, heading order, names.
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { FakeStore } from "../../test-support/fake-store";
import { JANE, mailFromJane, mailToSegment } from "../../test-support/fixtures";
import { renderPane } from "../../test-support/render";

const ready = () => screen.findByRole("heading", { name: "Log interaction" });

/** The visible text naming a form control: its <label>s, or what aria-labelledby points at. */
function visibleLabel(el: HTMLElement): string {
  const labels = [...((el as HTMLInputElement).labels ?? [])].map((l) => l.textContent ?? "");
  const ids = el.getAttribute("aria-labelledby")?.split(/\s+/) ?? [];
  const referenced = ids.map((id) => document.getElementById(id)?.textContent ?? "");
  return [...labels, ...referenced].join(" ").trim();
}

function headingLevels(): number[] {
  return screen.getAllByRole("heading").map((h) => Number(h.tagName.slice(1)));
}

function expectHeadingsInOrder() {
  const levels = headingLevels();
  expect(levels[0]).toBe(1);
  for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
}

describe("accessibility", () => {
  it("gives every form control a visible label, with the create-contact form open too", async () => {
    const check = () => {
      const controls = [...document.body.querySelectorAll<HTMLElement>("input, select, textarea")];
      expect(controls.length).toBeGreaterThan(10);
      for (const c of controls) expect({ id: c.id, label: visibleLabel(c) }).toMatchObject({ label: /\S/ });
      for (const b of screen.getAllByRole("button")) expect(b.textContent).toMatch(/\S/);
    };
    const segment = renderPane(mailToSegment(), { store: new FakeStore() });
    await ready();
    check();
    segment.unmount();
    renderPane(mailFromJane(), { store: new FakeStore() });
    await ready();
    openCreateForTom();
    await screen.findByRole("heading", { name: "Create contact for tom@fabrikam.com", level: 3 });
    check();
  });

  it("names participant checkboxes by contact and describes them with company and address", async () => {
    renderPane(mailToSegment(), { store: new FakeStore() });
    await ready();
    const jane = screen.getByRole("checkbox", { name: /Jane Doe/ });
    expect(jane).toHaveAccessibleDescription("Acme Corp · jane@acme.com");
    expect(screen.getByRole("checkbox", { name: /Peter Green/ })).toBeInTheDocument();
    // Ambiguous: named by the address's display name until a contact is chosen, then by that contact.
    const info = screen.getByRole("checkbox", { name: "Initech Info" });
    expect(info).toHaveAccessibleDescription(/Several contacts match/);
    fireEvent.change(screen.getByLabelText("Which contact is info@initech.com?"), {
      target: { value: "CT000021" },
    });
    expect(screen.getByRole("checkbox", { name: "Bert Info" })).toBeChecked();
  });

  it("announces the per-contact results in a live region that exists before logging", async () => {
    renderPane(mailFromJane(), { store: new FakeStore() });
    await ready();
    const region = screen.getByTestId("log-results-region");
    expect(region).toHaveAttribute("aria-live", "polite");
    expect(region).toBeEmptyDOMElement();
    fireEvent.click(screen.getByRole("button", { name: "Log interaction" }));
    const heading = await within(region).findByRole("heading", { name: "Result", level: 2 });
    expect(heading).toBeInTheDocument();
    expect(within(region).getByTestId(`log-result-${JANE.contactNo}`)).toHaveTextContent("Jane Doe Logged");
    await waitFor(() => expect(heading).toHaveFocus());
  });

  it("keeps headings in order: one h1, sections h2, the inline form h3", async () => {
    renderPane(mailFromJane(), { store: new FakeStore() });
    await ready();
    expect(headingLevels().filter((l) => l === 1)).toHaveLength(1);
    expectHeadingsInOrder();
    openCreateForTom();
    await screen.findByRole("heading", { level: 3 });
    expectHeadingsInOrder();
    fireEvent.click(screen.getByRole("button", { name: "Log interaction" }));
    await screen.findByRole("heading", { name: "Result", level: 2 });
    expectHeadingsInOrder();
  });

  it("keeps headings in order in the empty and error states", async () => {
    const empty = renderPane(null);
    await screen.findByRole("heading", { name: "Nothing to log", level: 2 });
    expectHeadingsInOrder();
    empty.unmount();
    const store = new FakeStore();
    store.fail("loadItemContext", "offline");
    renderPane(mailFromJane(), { store });
    await screen.findByText(/Can't reach SharePoint/);
    expectHeadingsInOrder();
  });
});

describe("narrow pane layout", () => {
  it("lets the paired fields shrink below their intrinsic width (cost and duration overflowed at 320 px)", async () => {
    renderPane(mailFromJane(), { store: new FakeStore() });
    await ready();
    for (const label of ["Cost (LCY)", "Duration (minutes)", "Information flow", "Correspondence type"]) {
      const control = screen.getByLabelText(label);
      const root = control.closest(".fui-Input, .fui-Select") as HTMLElement;
      const field = root.closest(".fui-Field") as HTMLElement;
      expect({ label, root: getComputedStyle(root).minWidth }).toEqual({ label, root: "0" });
      expect({ label, field: getComputedStyle(field).minWidth }).toEqual({ label, field: "0" });
    }
  });
});

function openCreateForTom() {
  fireEvent.click(screen.getByRole("button", { name: "Create contact for tom@fabrikam.com" }));
}
