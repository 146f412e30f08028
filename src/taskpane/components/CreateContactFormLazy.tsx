// The create-contact form opens on request ("Create contact", "Create person at …"): it loads then, on demand,
// not with the pane's first screen.
import { lazyView } from "./lazy-view";

export const CreateContactForm = lazyView(() =>
  import(/* webpackChunkName: "create-contact" */ "./CreateContactForm").then((m) => m.CreateContactForm),
);
