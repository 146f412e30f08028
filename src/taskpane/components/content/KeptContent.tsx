// A history row's kept mail (issue 15): the excerpt inline, as text, and the folder in SharePoint that keeps the
// whole mail. Loaded when the user opens it.
import { Link } from "@fluentui/react-components";
import { PROTECTED_NOTE } from "../../../domain/content-ports";
import type { InteractionLogEntry } from "../../../domain/types";
import { useI18n } from "../../i18n";
import { safeWebLink } from "../../model/web-link";
import { useContentStyles } from "./content.styles";

export interface KeptContentProps {
  entry: Pick<InteractionLogEntry, "bodyExcerpt" | "documentUrl">;
  id?: string;
}

export function KeptContent({ entry, id }: KeptContentProps) {
  const i18n = useI18n();
  const styles = useContentStyles();
  const excerpt = entry.bodyExcerpt?.trim();
  // Anyone who can edit the list can change DocumentUrl: only an https address becomes a link.
  const folder = safeWebLink(entry.documentUrl);
  return (
    <div className={styles.kept} id={id} data-testid="kept-content">
      {excerpt &&
        (excerpt === PROTECTED_NOTE ? (
          <p className={styles.excerpt}>{i18n.t("keepNotCopied")}</p>
        ) : (
          <p className={styles.excerpt}>{excerpt}</p>
        ))}
      {folder && (
        <Link href={folder} target="_blank" rel="noopener noreferrer">
          {i18n.t("keepOpenFolder")}
        </Link>
      )}
    </div>
  );
}
