// The entries view (filters, exact statistics, cancel, edit, follow-up, delete canceled) loads on demand: it is
// not part of the pane's initial JS+CSS budget.
import { lazy } from "react";

export const EntriesView = lazy(() =>
  import(/* webpackChunkName: "entries" */ "./entries/EntriesView").then((m) => ({ default: m.EntriesView })),
);
