import { makeStyles, tokens } from "@fluentui/react-components";

export const useLogFormStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  // The fields' group, disabled while sending: laid out like the form, no fieldset frame.
  fields: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
    marginTop: 0,
    marginBottom: 0,
    marginLeft: 0,
    marginRight: 0,
    paddingTop: 0,
    paddingBottom: 0,
    paddingLeft: 0,
    paddingRight: 0,
    borderTopStyle: "none",
    borderBottomStyle: "none",
    borderLeftStyle: "none",
    borderRightStyle: "none",
  },
  pair: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(8rem, 1fr))",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalM,
  },
  // Grid and Field children default to min-width: auto, so a native <input>'s intrinsic width (about 20
  // characters) pushed the Cost and Duration boxes past the row in a 320–350 px pane. Let them shrink instead.
  cell: { minWidth: 0 },
  control: { minWidth: 0, width: "100%" },
});
