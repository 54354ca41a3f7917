import { getTableColumns, getTableName, is } from "drizzle-orm";
import { SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import { SEALED_COLUMNS, sealedPropertiesOf, sqlNameOf, type SealedColumn } from "../../db/sealed-columns";

/**
 * The registry is the one list of sealed columns: rotation, erasure and the key check read it. A sealed column added
 * to the schema but not to the registry would be left under an old key and survive erasure, so the schema is checked
 * against it by name: every column holding sealed text is called *_sealed (or is the TOTP secret / the key check).
 */
const tables: SQLiteTable[] = (Object.values(schema) as unknown[]).filter((value): value is SQLiteTable => is(value, SQLiteTable));
const registered = new Set((Object.keys(SEALED_COLUMNS) as SealedColumn[]).map((name) => `${sqlNameOf(name).table}.${sqlNameOf(name).column}`));

describe("the sealed-column registry", () => {
  it("holds every *_sealed column of the schema", () => {
    const sealedInSchema = tables.flatMap((table) =>
      Object.values(getTableColumns(table))
        .filter((column) => column.name.endsWith("_sealed"))
        .map((column) => `${getTableName(table)}.${column.name}`),
    );
    expect(sealedInSchema.length).toBeGreaterThan(10);
    expect(sealedInSchema.filter((name) => !registered.has(name))).toEqual([]);
  });

  it("names columns that exist, each with a context of its own table", () => {
    for (const name of Object.keys(SEALED_COLUMNS) as SealedColumn[]) {
      const { table, column, context } = sqlNameOf(name);
      expect(tables.some((t) => getTableName(t) === table && Object.values(getTableColumns(t)).some((c) => c.name === column)), `${table}.${column}`).toBe(true);
      expect(context.length).toBeGreaterThan(0);
    }
  });

  it("gives erasure every sealed column of a signal: identity, summary and details", () => {
    expect(sealedPropertiesOf(schema.signals).sort()).toEqual(
      ["detailsSealed", "reporterEmailSealed", "reporterNameSealed", "reporterOrganisationSealed", "reporterPhoneSealed", "summarySealed"].sort(),
    );
  });
});
