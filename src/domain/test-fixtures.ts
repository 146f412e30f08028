// Shared builders for the domain tests: complete objects with only the field under test overridden.
import type { Correspondence, InteractionTemplate, LogDraft } from "./types";

export function template(overrides: Partial<InteractionTemplate> = {}): InteractionTemplate {
  return {
    code: "EMAIL",
    description: "E-mail",
    groupCode: "SALES",
    unitCostLCY: 1.5,
    unitDurationMin: 5,
    blocked: false,
    ...overrides,
  };
}

export function mail(overrides: Partial<Correspondence> = {}): Correspondence {
  return {
    kind: "email",
    mode: "read",
    sourceId: "<msg-1@acme.example>",
    itemId: "AAMkAD=",
    subject: "Quote for 200 widgets",
    date: "2024-05-01T09:30:00.000Z",
    direction: "inbound",
    participants: [],
    mailboxOwner: { displayName: "Owen", address: "owen@contoso.example" },
    webLink: "https://outlook.example/owa/?ItemID=AAMkAD%3D",
    ...overrides,
  };
}

export function meeting(overrides: Partial<Correspondence> = {}): Correspondence {
  return mail({
    kind: "meeting",
    sourceId: "040000008200E00074C5B7101A82E00800000000",
    subject: "Quarterly review",
    date: "2024-05-02T13:00:00.000Z",
    end: "2024-05-02T14:30:00.000Z",
    ...overrides,
  });
}

export function draft(overrides: Partial<LogDraft> = {}): LogDraft {
  return {
    templateCode: "EMAIL",
    description: "Quote for 200 widgets",
    interactionDate: "2024-05-01T09:30:00.000Z",
    informationFlow: "Inbound",
    initiatedBy: "Them",
    attemptFailed: false,
    costLCY: 1.5,
    durationMin: 5,
    correspondenceType: "Email",
    ...overrides,
  };
}
