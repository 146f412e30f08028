import { carryValues, FormMemory, type FormState } from "./form-memory";
import type { LogFormValues } from "./log-form-values";

const START: LogFormValues = {
  templateCode: "EMAIL",
  description: "Proposal",
  dateText: "2024-05-02T11:30",
  interactionDate: "2024-05-02T09:30:00.000Z",
  informationFlow: "Outbound",
  initiatedBy: "Us",
  evaluation: "",
  correspondenceType: "Email",
  attemptFailed: false,
  costText: "0.5",
  durationText: "5",
  comment: "",
};

function state(values: Partial<LogFormValues>): FormState {
  return { start: START, values: { ...START, ...values }, unchecked: [], added: [] };
}

describe("carryValues", () => {
  const fresh: LogFormValues = {
    ...START,
    description: "Proposal v2",
    dateText: "2024-05-02T11:45",
    interactionDate: "2024-05-02T09:45:00.000Z",
  };

  it("follows the item where the user changed nothing", () => {
    expect(carryValues(state({}), fresh)).toEqual(fresh);
  });

  it("keeps every field the user changed, and only those", () => {
    const carried = carryValues(
      state({ comment: "Call back", evaluation: "Positive", attemptFailed: true, costText: "abc" }),
      fresh,
    );
    expect(carried).toEqual({
      ...fresh,
      comment: "Call back",
      evaluation: "Positive",
      attemptFailed: true,
      costText: "abc",
    });
  });

  it("keeps a description the user wrote over the new subject", () => {
    expect(carryValues(state({ description: "My notes" }), fresh).description).toBe("My notes");
  });

  it("keeps the date's text and value together when the user changed either", () => {
    const typed = carryValues(
      state({ dateText: "2024-05-03T08:00", interactionDate: "2024-05-03T06:00:00.000Z" }),
      fresh,
    );
    expect([typed.dateText, typed.interactionDate]).toEqual(["2024-05-03T08:00", "2024-05-03T06:00:00.000Z"]);
    // An unreadable date (value emptied) stays as typed, for validation to name.
    const unreadable = carryValues(state({ dateText: "2024-13-99T99:99", interactionDate: "" }), fresh);
    expect([unreadable.dateText, unreadable.interactionDate]).toEqual(["2024-13-99T99:99", ""]);
  });

  it("keeps a changed template with the values it brought", () => {
    const carried = carryValues(state({ templateCode: "PHONE", costText: "2", durationText: "10" }), fresh);
    expect(carried).toMatchObject({
      templateCode: "PHONE",
      costText: "2",
      durationText: "10",
      description: "Proposal v2",
    });
  });
});

describe("FormMemory", () => {
  it("gives the last state back for the same item only", () => {
    const memory = new FormMemory();
    const s = { ...state({ comment: "x" }), unchecked: ["jane@acme.com"] };
    memory.remember("draft:1", s);
    expect(memory.recall("draft:1")).toMatchObject({ values: s.values, unchecked: ["jane@acme.com"] });
    expect(memory.recall("draft:2")).toBeUndefined();
    expect(memory.recall(undefined)).toBeUndefined();
    memory.remember("draft:2", state({}));
    expect(memory.recall("draft:1")).toBeUndefined();
  });

  it("forgets when an item without an id is shown", () => {
    const memory = new FormMemory();
    memory.remember("draft:1", state({ comment: "x" }));
    memory.remember(undefined, state({}));
    expect(memory.recall("draft:1")).toBeUndefined();
  });
});
