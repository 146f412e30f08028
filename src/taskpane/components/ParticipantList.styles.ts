import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

export const useParticipantStyles = makeStyles({
  row: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // Greyed, yet readable (WCAG AA contrast in both themes).
  excluded: { color: tokens.colorNeutralForeground3 },
  name: { ...typographyStyles.body1Strong },
  secondary: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground3, wordBreak: "break-all" },
  line: { display: "flex", alignItems: "center", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  indent: { paddingInlineStart: tokens.spacingHorizontalXXL },
  form: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});
