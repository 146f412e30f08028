// Loaded by the pane's taskpane.html in place of office.js. It must define `Office` synchronously, before the
// pane's own bundle runs, exactly as the real script tag does.
import { createOfficeStandIn } from "./office-stand-in";
import { WORKBENCH_USER, type HostBridge, type LaunchRuntimeHost } from "./workbench-model";

function parentBridge(): HostBridge | undefined {
  try {
    if (window.parent === window) return undefined;
    return (window.parent as unknown as { __iloWorkbench?: HostBridge }).__iloWorkbench;
  } catch {
    // A cross-origin parent: not the workbench.
    return undefined;
  }
}

/** Opened outside the workbench page: Outlook with nothing selected. */
const detachedBridge: HostBridge = {
  user: WORKBENCH_USER,
  displayLanguage: new URLSearchParams(location.search).get("lang") ?? "en-US",
  theme: new URLSearchParams(location.search).get("theme") === "dark" ? "dark" : "light",
  currentItem: () => null,
  onSelectionChanged: () => () => undefined,
  draftEdited: () => undefined,
};

function parentLaunchHost(): LaunchRuntimeHost | undefined {
  try {
    return (window.parent as unknown as { __iloLaunchRuntime?: LaunchRuntimeHost }).__iloLaunchRuntime;
  } catch {
    return undefined;
  }
}

const bridge = parentBridge();
if (!bridge)
  console.warn("Office stand-in: no workbench page around this pane; running with no item selected.");
const launch = parentLaunchHost();
(window as unknown as { Office: unknown }).Office = createOfficeStandIn(
  bridge ?? detachedBridge,
  launch ? { launch } : {},
);
// OfficeRuntime.storage: per add-in origin, shared with the send handler's JavaScript-only runtime.
if (launch) (window as unknown as { OfficeRuntime: unknown }).OfficeRuntime = { storage: launch.storage };
