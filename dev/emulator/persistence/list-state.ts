// The name odata/item-query.ts reads lists by. It is the store's read-only ListView (store-interface.ts), not the
// store's mutable list (StoredList, private to EmulatorStore).
export type { ListView as ListState } from "./store-interface";
