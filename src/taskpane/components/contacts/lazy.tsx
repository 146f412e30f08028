// The contact views load on demand: the first screen (the open item) does not need them, and the pane's initial
// JavaScript stays within its budget.
import { Spinner } from "@fluentui/react-components";
import { Suspense, type ComponentProps } from "react";
import { useI18n } from "../../i18n";
import { lazyView } from "../lazy-view";

const Panel = lazyView(() =>
  import(/* webpackChunkName: "contacts" */ "./ContactPanel").then((m) => m.default),
);
const Link = lazyView(() =>
  import(/* webpackChunkName: "contacts" */ "./LinkAddressForm").then((m) => m.default),
);

function Loading() {
  const i18n = useI18n();
  return <Spinner size="tiny" label={i18n.t("loading")} />;
}

export function LazyContactPanel(props: ComponentProps<typeof Panel>) {
  return (
    <Suspense fallback={<Loading />}>
      <Panel {...props} />
    </Suspense>
  );
}

export function LazyLinkAddressForm(props: ComponentProps<typeof Link>) {
  return (
    <Suspense fallback={<Loading />}>
      <Link {...props} />
    </Suspense>
  );
}
