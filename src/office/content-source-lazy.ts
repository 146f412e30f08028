// MailContentPort with its code loaded on demand: the pane's first screen does not carry the mail readers. The first
// call loads them; every call after that uses the same port.
import type { MailContentPort } from "../domain/content-ports";
import type { ContentSourceHost } from "./content-source";

export function lazyMailContentSource(office?: ContentSourceHost): MailContentPort {
  let loaded: Promise<MailContentPort> | undefined;
  const port = () =>
    (loaded ??= import(/* webpackChunkName: "mail-content" */ "./content-source").then((m) =>
      m.createMailContentSource(office),
    ));
  return {
    describe: () => port().then((p) => p.describe()),
    read: (options) => port().then((p) => p.read(options)),
    defaultChoice: () => port().then((p) => p.defaultChoice()),
    setDefaultChoice: (choice) => port().then((p) => p.setDefaultChoice(choice)),
  };
}
