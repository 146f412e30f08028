// The $filter syntax tree. Field references are resolved later against the list's columns.

export type CompareOp = "eq" | "ne" | "lt" | "gt" | "le" | "ge";

export type Literal =
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "datetime"; value: string }
  | { kind: "null" };

export interface FieldRef {
  /** Column internal name, or "id" for the item id. */
  name: string;
  pos: number;
}

export type FilterNode =
  | { kind: "compare"; op: CompareOp; field: FieldRef; literal: Literal }
  | { kind: "startswith"; field: FieldRef; literal: Literal }
  | { kind: "and"; left: FilterNode; right: FilterNode }
  | { kind: "or"; left: FilterNode; right: FilterNode }
  | { kind: "not"; operand: FilterNode };

export function fieldRefs(node: FilterNode, out: FieldRef[] = []): FieldRef[] {
  switch (node.kind) {
    case "compare":
    case "startswith":
      out.push(node.field);
      break;
    case "and":
    case "or":
      fieldRefs(node.left, out);
      fieldRefs(node.right, out);
      break;
    case "not":
      fieldRefs(node.operand, out);
      break;
  }
  return out;
}
