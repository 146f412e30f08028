// A view loaded on demand brings its strings with it (en-views, and the Dutch ones when Dutch is loaded): the
// component renders only once both arrived, so it never shows a message key.
import { lazy, type ComponentType, type LazyExoticComponent } from "react";
import { loadViewMessages } from "../i18n";

export type LazyView<P> = LazyExoticComponent<ComponentType<P>> & {
  /** Starts loading (code and strings) ahead of the first render; a failed load is tried again next time. */
  preload(): Promise<void>;
};

export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const start = () =>
    (loading ??= Promise.all([load(), loadViewMessages()]).then(
      ([component]) => ({ default: component }),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  return Object.assign(lazy(start), { preload: () => start().then(() => undefined) });
}
