import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { useTempDatabase } from "../../test/unit/temp-database";
import { prepareDatabase } from "~/boot.server";
import { db } from "./db.server";
import { commitGrouped } from "./group-commit.server";

beforeAll(() => {
  useTempDatabase();
  prepareDatabase();
  db().run(sql`create table grouped (value text not null)`);
});

const stored = () => db().all<{ value: string }>(sql`select value from grouped order by rowid`).map((row) => row.value);

it("writes sent in one turn share a transaction; each is acknowledged only after it committed; a failing one is undone alone", async () => {
  const events: string[] = [];
  const write = (value: string, fail = false) =>
    commitGrouped((tx) => {
      events.push(`write ${value} (in a transaction: ${db().$client.inTransaction})`);
      tx.run(sql`insert into grouped (value) values (${value})`);
      if (fail) throw new Error("kapot");
      return value;
    }).then(
      (result) => events.push(`acknowledged ${result}`),
      (error: Error) => events.push(`refused ${value}: ${error.message}`),
    );
  await Promise.all([write("a"), write("b", true), write("c")]);
  expect(events).toEqual([
    "write a (in a transaction: true)",
    "write b (in a transaction: true)",
    "write c (in a transaction: true)",
    "acknowledged a",
    "refused b: kapot",
    "acknowledged c",
  ]);
  expect(stored()).toEqual(["a", "c"]);
});

it("a write alone that fails leaves nothing behind", async () => {
  await expect(
    commitGrouped((tx) => {
      tx.run(sql`insert into grouped (value) values ('d')`);
      throw new Error("kapot");
    }),
  ).rejects.toThrow("kapot");
  expect(stored()).toEqual(["a", "c"]);
});
