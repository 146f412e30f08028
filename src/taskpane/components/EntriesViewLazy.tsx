// The entries view (filters, exact statistics, cancel, edit, follow-up, delete canceled) loads on demand: it is
// not part of the pane's initial JS+CSS budget.
import { lazyView } from "./lazy-view";

export const EntriesView = lazyView(() =>
  import(/* webpackChunkName: "entries" */ "./entries/EntriesView").then((m) => m.EntriesView),
);
