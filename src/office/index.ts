// The Office adapter's public face: the pane's composition root needs only createOfficeMailbox.
export { createOfficeMailbox, DEFAULT_OUTLOOK_WEB_URL, type OfficeMailboxOptions } from "./office-mailbox";
export { OfficeCallError } from "./office-async";
export { DRAFT_ID_PROPERTY } from "./draft-id";
