// The content views (issue 15) load on demand, with their strings: the field and the status once a mail in read
// mode is shown, the kept mail of a history row when it is opened.
import { lazyView } from "../lazy-view";

export const KeepContentField = lazyView(() =>
  import(/* webpackChunkName: "keep-content" */ "./KeepContentField").then((m) => m.KeepContentField),
);
export const KeepContentStatus = lazyView(() =>
  import(/* webpackChunkName: "keep-content" */ "./KeepContentStatus").then((m) => m.KeepContentStatus),
);
export const KeptToggle = lazyView(() =>
  import(/* webpackChunkName: "kept-content" */ "./KeptToggle").then((m) => m.KeptToggle),
);
