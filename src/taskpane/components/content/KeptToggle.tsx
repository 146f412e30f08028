// A history row's paper clip and "Show kept mail" (issue 15): the excerpt and the link open inline, under the row.
import { Button } from "@fluentui/react-components";
import { Attach16Regular } from "@fluentui/react-icons";
import { useId, useState } from "react";
import type { InteractionLogEntry } from "../../../domain/types";
import { useI18n } from "../../i18n";
import { usePaneStyles } from "../Pane.styles";
import { KeptContent } from "./KeptContent";

export interface KeptToggleProps {
  entry: Pick<InteractionLogEntry, "bodyExcerpt" | "documentUrl">;
}

export function KeptToggle({ entry }: KeptToggleProps) {
  const i18n = useI18n();
  const pane = usePaneStyles();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div>
      <Button
        size="small"
        appearance="subtle"
        icon={<Attach16Regular aria-hidden />}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((o) => !o)}
        data-testid="kept-toggle"
      >
        {i18n.t(open ? "keptHide" : "keptShow")}
        <span className={pane.visuallyHidden}> ({i18n.t("keptMark")})</span>
      </Button>
      {open && <KeptContent entry={entry} id={id} />}
    </div>
  );
}
