import { makeStyles, tokens, typographyStyles } from "@fluentui/react-components";

export const useContactCardStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  secondary: { ...typographyStyles.caption1, color: tokens.colorNeutralForeground2, wordBreak: "break-word" },
});
