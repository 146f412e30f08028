// The create-contact form opens on request ("Create contact", "Create person at …"): it loads then, on demand,
// not with the pane's first screen.
import { lazy } from "react";

export const CreateContactForm = lazy(() =>
  import(/* webpackChunkName: "create-contact" */ "./CreateContactForm").then((m) => ({
    default: m.CreateContactForm,
  })),
);
