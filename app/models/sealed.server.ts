import { SEALED_COLUMNS, type SealedColumn } from "../../db/sealed-columns";
import { fieldCipher } from "./keys.server";

const contextOf = (column: SealedColumn) => SEALED_COLUMNS[column].context;

/** Seals a value of an optional column (db/sealed-columns.ts); empty is stored as "not given" (null). */
export function seal(value: string | null | undefined, column: SealedColumn): string | null {
  return value ? sealRequired(value, column) : null;
}

/** Seals a value of a column that always holds one. */
export function sealRequired(value: string, column: SealedColumn): string {
  return fieldCipher().encrypt(value, contextOf(column));
}

/** Opens a value of an optional column; a value from another column (another context) does not open. */
export function unseal(value: string | null, column: SealedColumn): string | null {
  return value ? unsealRequired(value, column) : null;
}

export function unsealRequired(value: string, column: SealedColumn): string {
  return fieldCipher().decrypt(value, contextOf(column));
}
