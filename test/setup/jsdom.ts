// jsdom lacks what Fluent v9, MSAL and our code reach for in a browser; give it Node's implementations.
import "@testing-library/jest-dom";
import { registerMessages } from "../../src/taskpane/i18n/i18n";
import { en } from "../../src/taskpane/i18n/en";
import { enViews } from "../../src/taskpane/i18n/en-views";
import { nl } from "../../src/taskpane/i18n/nl";
import { nlViews } from "../../src/taskpane/i18n/nl-views";
import { registerTheme } from "../../src/taskpane/theme";
import { webDarkTheme } from "../../src/taskpane/theme-dark";
import { webLightTheme } from "../../src/taskpane/theme-light";
import { webcrypto } from "node:crypto";
import { TextDecoder, TextEncoder } from "node:util";

const g = globalThis as unknown as Record<string, unknown>;
if (!g.crypto || !(g.crypto as Crypto).subtle)
  Object.defineProperty(globalThis, "crypto", { value: webcrypto });
if (!g.TextEncoder) g.TextEncoder = TextEncoder;
if (!g.TextDecoder) g.TextDecoder = TextDecoder;
if (!g.structuredClone) g.structuredClone = (v: unknown) => JSON.parse(JSON.stringify(v));
if (!g.ResizeObserver) {
  g.ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

// The pane loads its language and theme before it renders (loadMessages, loadTheme) and a view's strings with the
// view (lazyView); component tests render at once.
registerMessages("en", { ...en, ...enViews });
registerMessages("nl", { ...nl, ...nlViews });
registerTheme("light", webLightTheme);
registerTheme("dark", webDarkTheme);
