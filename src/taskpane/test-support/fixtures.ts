// Reference data for the pane's tests: a small CRM with the Business Central template setup.
import type {
  Contact,
  Correspondence,
  InteractionGroup,
  InteractionTemplate,
  TemplateSetup,
} from "../../domain/types";

export const GROUPS: InteractionGroup[] = [
  { code: "LETTER", description: "Letters" },
  { code: "MEETING", description: "Meetings" },
  { code: "SALES", description: "Sales" },
];

export const TEMPLATES: InteractionTemplate[] = [
  {
    code: "EMAIL",
    description: "Emails",
    groupCode: "LETTER",
    unitCostLCY: 0.5,
    unitDurationMin: 5,
    correspondenceType: "Email",
    blocked: false,
  },
  {
    code: "MEETINV",
    description: "Meeting invitation",
    groupCode: "MEETING",
    unitCostLCY: 0,
    unitDurationMin: 60,
    correspondenceType: "Meeting",
    blocked: false,
  },
  {
    code: "SALESCALL",
    description: "Sales call",
    groupCode: "SALES",
    informationFlow: "Outbound",
    initiatedBy: "Us",
    unitCostLCY: 12.5,
    unitDurationMin: 15,
    correspondenceType: "Phone Call",
    blocked: false,
  },
  {
    code: "OLDMAIL",
    description: "Old mail template",
    groupCode: "LETTER",
    unitCostLCY: 1,
    unitDurationMin: 1,
    blocked: true,
  },
];

export const SETUP: TemplateSetup = { Emails: "EMAIL", "Meeting Invitation": "MEETINV" };

export const ACME: Contact = {
  contactNo: "CT000001",
  type: "Company",
  name: "Acme Corp",
  domain: "acme.com",
};
export const JANE: Contact = {
  contactNo: "CT000002",
  type: "Person",
  name: "Jane Doe",
  email: "jane@acme.com",
  companyNo: "CT000001",
  companyName: "Acme Corp",
};
export const GLOBEX: Contact = {
  contactNo: "CT000010",
  type: "Company",
  name: "Globex",
  domain: "globex.com",
};
export const PETER: Contact = {
  contactNo: "CT000011",
  type: "Person",
  name: "Peter Green",
  email: "peter@globex.com",
  companyNo: "CT000010",
  companyName: "Globex",
};
/** Two persons share one address: an ambiguous match. */
export const INFO_A: Contact = {
  contactNo: "CT000020",
  type: "Person",
  name: "Anna Info",
  email: "info@initech.com",
  companyName: "Initech",
};
export const INFO_B: Contact = {
  contactNo: "CT000021",
  type: "Person",
  name: "Bert Info",
  email: "info@initech.com",
  companyName: "Initech",
};

export const CONTACTS: Contact[] = [ACME, JANE, GLOBEX, PETER, INFO_A, INFO_B];

export const OWNER = { displayName: "Mia Owner", address: "mia@contoso.com" };
export const USER = { displayName: "Mia Owner", emailAddress: "mia@contoso.com" };

/** Received mail from Jane, cc a stranger, a colleague and a personal address. */
export function mailFromJane(overrides: Partial<Correspondence> = {}): Correspondence {
  return {
    kind: "email",
    mode: "read",
    sourceId: "<msg-1@acme.com>",
    itemId: "AAMk-1",
    subject: "Quote for 40 widgets",
    date: "2024-05-02T09:30:00.000Z",
    direction: "inbound",
    participants: [
      { displayName: "Jane Doe", address: "jane@acme.com", role: "from" },
      { displayName: "Mia Owner", address: "mia@contoso.com", role: "to" },
      { displayName: "Tom Stranger", address: "tom@fabrikam.com", role: "cc" },
      { displayName: "Colleague", address: "bob@contoso.com", role: "cc" },
      { displayName: "Private", address: "someone@gmail.com", role: "cc" },
    ],
    mailboxOwner: OWNER,
    ...overrides,
  };
}

/** Sent mail to two known persons and one ambiguous address. */
export function mailToSegment(overrides: Partial<Correspondence> = {}): Correspondence {
  return {
    kind: "email",
    mode: "read",
    sourceId: "<msg-2@contoso.com>",
    subject: "Newsletter May",
    date: "2024-05-03T10:00:00.000Z",
    direction: "outbound",
    participants: [
      { displayName: "Mia Owner", address: "mia@contoso.com", role: "from" },
      { displayName: "Jane Doe", address: "jane@acme.com", role: "to" },
      { displayName: "Peter Green", address: "peter@globex.com", role: "to" },
      { displayName: "Initech Info", address: "info@initech.com", role: "bcc" },
    ],
    mailboxOwner: OWNER,
    ...overrides,
  };
}

/** A log queued on this device earlier, for Jane. */
export function queuedForJane(description = "Queued earlier", id = "p1") {
  return {
    id,
    queuedAt: "2024-05-01T00:00:00Z",
    attempts: 1,
    request: {
      contacts: [JANE],
      user: USER,
      draft: {
        templateCode: "EMAIL",
        description,
        interactionDate: "2024-05-01T00:00:00Z",
        attemptFailed: false,
        costLCY: 0,
        durationMin: 0,
      },
    },
  };
}
