// Renders the whole pane (theme, language, app) over fake ports, the way index.tsx does over real ones.
import { render } from "@testing-library/react";
import type { MatchingPolicy } from "../../domain/matching";
import type { Correspondence } from "../../domain/types";
import { PaneRoot } from "../components/PaneRoot";
import type { ContentKeeping } from "../hooks/useKeepContent";
import { FakeMailbox } from "./fake-mailbox";
import { FakeStore } from "./fake-store";

export const TEST_POLICY: MatchingPolicy = { ownDomains: ["contoso.com"], neverLog: ["gmail.com"] };

export function renderPane(
  item: Correspondence | null,
  options: {
    displayLanguage?: string;
    theme?: "light" | "dark";
    store?: FakeStore;
    policy?: MatchingPolicy;
    keeping?: ContentKeeping;
  } = {},
) {
  const mailbox = new FakeMailbox(item, {
    ...(options.displayLanguage ? { displayLanguage: options.displayLanguage } : {}),
    ...(options.theme ? { theme: options.theme } : {}),
  });
  const store = options.store ?? new FakeStore();
  const policy = options.policy ?? TEST_POLICY;
  const view = render(
    <PaneRoot
      mailbox={mailbox}
      store={store}
      policy={policy}
      {...(options.keeping ? { keeping: options.keeping } : {})}
    />,
  );
  return { ...view, mailbox, store };
}
