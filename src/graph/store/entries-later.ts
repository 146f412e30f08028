// The Interaction Log Entries window's storage, loaded on demand with that window (or the first cancel or undo),
// so the pane's first screen does not carry it.
export { undoChange } from "../../domain/entry-changes";
export { countCanceled, deleteCanceled } from "./delete-canceled";
export { getSegment } from "./entry-cancel";
export { EntryChanges, replayChange } from "./entry-changes";
export { entryTotals } from "./entry-totals";
export { listEntries } from "./entries-query";
