// The contact views load on demand: the first screen (the open item) does not need them, and the pane's initial
// JavaScript stays within its budget.
import { Spinner } from "@fluentui/react-components";
import { lazy, Suspense, type ComponentProps } from "react";
import { useI18n } from "../../i18n";

const Panel = lazy(() => import(/* webpackChunkName: "contacts" */ "./ContactPanel"));
const Link = lazy(() => import(/* webpackChunkName: "contacts" */ "./LinkAddressForm"));

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
