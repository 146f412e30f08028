// Styles of the contact search, the contact view and the forms that act on a found contact.
import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

export const useContactsStyles = makeStyles({
  listbox: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    maxHeight: "320px",
    overflowY: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  option: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "start",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    cursor: "pointer",
  },
  active: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    outline: `2px solid ${tokens.colorStrokeFocus2}`,
    outlineOffset: "-2px",
  },
  icon: { paddingTop: "2px", color: tokens.colorNeutralForeground2 },
  name: { ...typographyStyles.body1Strong, wordBreak: "break-word" },
  secondary: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3, wordBreak: "break-word" },
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  cardTitle: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, margin: 0 },
  form: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `2px solid ${tokens.colorBrandStroke1}`,
  },
});
