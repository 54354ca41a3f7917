import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "./dates";
import { dailyRunDue, dayIsComplete, daysToRead } from "./tenderned-days";
import {
  authorityIndex,
  cpvMatches,
  cpvSettingProblem,
  DEFAULT_YOUTH_CARE,
  isYouthCare,
  matchAuthority,
  milestonesOf,
  parseSettingList,
  wordsMatch,
} from "./tenderned-match";
import { parseDetailCpv, parseExport, parseListPage, publicationContent } from "./tenderned-rows";

const row = {
  publicatieId: 401,
  publicatieDatum: "2026-11-02T00:00:00",
  typePublicatie: { code: "AAO", omschrijving: "Aankondiging opdracht" },
  aanbestedingNaam: "Specialistische jeugdhulp 2027",
  opdrachtgeverNaam: "Gemeente Zeist",
  opdrachtBeschrijving: "Inkoop van jeugdhulp met verblijf",
  sluitingsDatum: "2026-12-15T12:00:00",
  procedure: { code: "OPE", omschrijving: "Openbaar" },
  typeOpdracht: { code: "D" },
  link: { href: "https://www.tenderned.nl/aankondigingen/overzicht/401" },
  kenmerk: 9001,
  aantalDagenTotSluitingsDatum: 43,
};

describe("TenderNed list rows", () => {
  it("reads a page and keeps only the fields Rode Draad uses", () => {
    const page = parseListPage({ content: [row], totalElements: 1, totalPages: 1, pageable: { x: 1 } });
    expect(page?.rows[0]).toEqual({
      publicatieId: "401",
      procurementKey: "9001",
      publishedOn: "2026-11-02",
      typeCode: "AAO",
      typeLabel: "Aankondiging opdracht",
      title: "Specialistische jeugdhulp 2027",
      authority: "Gemeente Zeist",
      description: "Inkoop van jeugdhulp met verblijf",
      closingOn: "2026-12-15",
      procedureCode: "OPE",
      link: "https://www.tenderned.nl/aankondigingen/overzicht/401",
      cpvCodes: [],
    });
  });

  it("keeps only a web address as the link: a javascript: URL in a file never becomes one", () => {
    const page = parseListPage({ content: [{ ...row, link: { href: "javascript:alert(1)" } }], totalElements: 1, totalPages: 1 });
    expect(page?.rows[0]?.link).toBeNull();
  });

  it("drops a deadline that is no day, and refuses a publication date that is none", () => {
    expect(parseListPage({ content: [{ ...row, sluitingsDatum: "2026-02-30" }], totalElements: 1, totalPages: 1 })?.rows[0]?.closingOn).toBeNull();
    expect(parseListPage({ content: [{ ...row, publicatieDatum: "2026-13-01" }], totalElements: 1, totalPages: 1 })).toBeNull();
  });

  it("refuses a body that is not the list format", () => {
    expect(parseListPage({ content: "nee" })).toBeNull();
    expect(parseListPage({ content: [{ publicatieId: 1 }], totalElements: 1, totalPages: 1 })).toBeNull();
    expect(parseListPage(null)).toBeNull();
  });

  it("reads an export as the list format or a bare array, with CPV codes when it carries them", () => {
    expect(parseExport([{ ...row, cpvCodes: [{ code: "85311300-5" }] }])).toMatchObject({ publications: [{ cpvCodes: ["85311300"] }] });
    expect(parseExport({ content: [row], totalElements: 1, totalPages: 1 })).toMatchObject({ publications: [{ publicatieId: "401" }] });
    expect(parseExport({ rows: [] })).toEqual({ problem: "Dit bestand heeft niet het formaat van de publicatielijst van TenderNed." });
    expect(parseExport([row, { ...row, publicatieDatum: "gisteren" }])).toEqual({ problem: "Publicatie 2 in het bestand: het veld publicatieDatum ontbreekt of is ongeldig." });
  });

  it("reads the CPV codes of a detail", () => {
    expect(parseDetailCpv({ publicatieId: "401", cpvCodes: [{ code: "85311300-5", omschrijving: "x" }, { code: "onzin" }] })).toEqual(["85311300"]);
    expect(parseDetailCpv({ cpvCodes: [] })).toBeNull();
  });

  it("never sees day counters or unknown fields as a change", () => {
    const base = parseListPage({ content: [row], totalElements: 1, totalPages: 1 })!.rows[0]!;
    fc.assert(
      fc.property(fc.nat(), fc.dictionary(fc.string().filter((k) => !(k in row)), fc.jsonValue()), (days, extra) => {
        const other = parseListPage({ content: [{ ...row, ...extra, aantalDagenTotSluitingsDatum: days }], totalElements: 1, totalPages: 1 });
        expect(publicationContent(other!.rows[0]!)).toBe(publicationContent(base));
      }),
    );
  });

  it("sees a changed deadline or description as a change", () => {
    const base = parseListPage({ content: [row], totalElements: 1, totalPages: 1 })!.rows[0]!;
    expect(publicationContent({ ...base, closingOn: "2027-01-10" })).not.toBe(publicationContent(base));
    expect(publicationContent({ ...base, description: "Anders" })).not.toBe(publicationContent(base));
  });
});

describe("youth-care recognition", () => {
  it("matches a CPV setting and every code below it in the hierarchy", () => {
    expect(cpvMatches("85311300", "85311300")).toBe(true);
    expect(cpvMatches("85310000", "85311300")).toBe(true);
    expect(cpvMatches("85000000", "85121270")).toBe(true);
    expect(cpvMatches("85312000", "85311300")).toBe(false);
  });

  it("matches words at the start of a word, whatever the case or accents", () => {
    expect(wordsMatch(["jeugd"], "Inkoop Jeugdhulp")).toBe(true);
    expect(wordsMatch(["jeugdwet"], "taken uit de JEUGDWET")).toBe(true);
    expect(wordsMatch(["jeugd"], "Sportjeugdkamp")).toBe(false);
    expect(wordsMatch(["  "], "wat dan ook")).toBe(false);
  });

  it("recognises by words or by CPV codes", () => {
    const road = { title: "Onderhoud wegen", description: "Asfalt", cpvCodes: ["45233141"] };
    expect(isYouthCare(road, DEFAULT_YOUTH_CARE)).toBe(false);
    expect(isYouthCare({ ...road, cpvCodes: ["85312000"] }, DEFAULT_YOUTH_CARE)).toBe(true);
    expect(isYouthCare({ ...road, description: "Vervoer in het kader van de Jeugdwet" }, DEFAULT_YOUTH_CARE)).toBe(true);
  });

  it("reads the settings lists and refuses a CPV code that is not one", () => {
    expect(parseSettingList("jeugd\n jeugdzorg, jeugd;;")).toEqual(["jeugd", "jeugdzorg"]);
    expect(cpvSettingProblem(["85311300", "85311300-5"])).toBeUndefined();
    expect(cpvSettingProblem(["8531"])).toContain("8531");
  });
});

describe("notice types as milestones", () => {
  it.each([
    ["MAC", [{ kind: "market_consultation", dueOn: "2026-11-02" }]],
    ["VOP", [{ kind: "procurement_strategy", dueOn: "2026-11-02" }]],
    ["AAO", [{ kind: "tender_published", dueOn: "2026-11-02" }, { kind: "submission_deadline", dueOn: "2026-12-15" }]],
    ["RVO", [{ kind: "clarifications", dueOn: "2026-11-02" }, { kind: "submission_deadline", dueOn: "2026-12-15" }]],
    ["REC", [{ kind: "clarifications", dueOn: "2026-11-02" }, { kind: "submission_deadline", dueOn: "2026-12-15" }]],
    ["AGO", [{ kind: "award", dueOn: "2026-11-02" }]],
    ["XYZ", []],
  ])("%s", (typeCode, expected) => {
    expect(milestonesOf({ typeCode, publishedOn: "2026-11-02", closingOn: "2026-12-15" })).toEqual(expected);
  });

  it("an announcement without a deadline is one milestone", () => {
    expect(milestonesOf({ typeCode: "AAO", publishedOn: "2026-11-02", closingOn: null })).toHaveLength(1);
  });
});

describe("contracting authorities", () => {
  const index = authorityIndex(
    [
      { code: "GM0355", name: "Zeist", regionCode: "JZ23" },
      { code: "GM0796", name: "'s-Hertogenbosch", regionCode: "JZ30" },
      { code: "GM0363", name: "Súdwest-Fryslân", regionCode: "JZ02" },
    ],
    [{ nameKey: "serviceorganisatie jeugd zhz", regionCode: "JZ35" }],
  );

  it("finds the municipality's region by its name, with or without 'gemeente', in any case", () => {
    expect(matchAuthority("Gemeente Zeist", index)).toEqual({ regionCode: "JZ23", via: "municipality", municipalityCode: "GM0355" });
    expect(matchAuthority("gemeente Zeist", index)?.regionCode).toBe("JZ23");
    expect(matchAuthority("ZEIST", index)?.regionCode).toBe("JZ23");
    expect(matchAuthority("Gemeente 's-Hertogenbosch", index)?.regionCode).toBe("JZ30");
    expect(matchAuthority("gemeente Sudwest Fryslan", index)?.regionCode).toBe("JZ02");
  });

  it("finds an alias whatever its spelling, and nothing for an unknown body", () => {
    expect(matchAuthority("Serviceorganisatie Jeugd ZHZ.", index)).toEqual({ regionCode: "JZ35", via: "alias" });
    expect(matchAuthority("OZJT", index)).toBeNull();
    expect(matchAuthority("", index)).toBeNull();
  });

  it("case and spacing never change a match", () => {
    fc.assert(
      fc.property(fc.constantFrom("Gemeente Zeist", "Serviceorganisatie Jeugd ZHZ", "OZJT"), fc.array(fc.boolean(), { maxLength: 40 }), fc.nat(3), (name, upper, spaces) => {
        const variant = " ".repeat(spaces) + [...name].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch.toLowerCase())).join("").replace(/ /g, "  ");
        expect(matchAuthority(variant, index)).toEqual(matchAuthority(name, index));
      }),
    );
  });
});

describe("days to read", () => {
  it("a first run reads the last 30 days through today", () => {
    const days = daysToRead({ today: "2026-11-30", firstDay: null, completeDays: new Set() });
    expect(days[0]).toBe("2026-10-31");
    expect(days.at(-1)).toBe("2026-11-30");
    expect(days).toHaveLength(31);
  });

  it("never skips a day that is not complete, and always ends today", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 60 }), fc.option(fc.nat(70), { nil: undefined }), (complete, sinceBack) => {
        const today = "2026-11-30";
        const firstDay = addDays(today, -complete.length);
        const completeDays = new Set(complete.flatMap((c, i) => (c ? [addDays(firstDay, i)] : [])));
        const since = sinceBack === undefined ? undefined : addDays(today, -sinceBack);
        const days = daysToRead({ today, firstDay, completeDays, since });
        expect(days.at(-1)).toBe(today);
        days.forEach((d, i) => i > 0 && expect(addDays(days[i - 1]!, 1)).toBe(d));
        for (let d = since ?? firstDay; d < days[0]!; d = addDays(d, 1)) expect(completeDays.has(d)).toBe(true);
      }),
    );
  });

  it("a day is complete only when it is over and every announced row came", () => {
    expect(dayIsComplete("2026-11-29", "2026-11-30", 150, 150)).toBe(true);
    expect(dayIsComplete("2026-11-29", "2026-11-30", 149, 150)).toBe(false);
    expect(dayIsComplete("2026-11-30", "2026-11-30", 150, 150)).toBe(false);
  });

  it("runs daily once, from six in the morning Dutch time", () => {
    expect(dailyRunDue(null, new Date("2026-11-30T04:30:00Z"))).toBe(false);
    expect(dailyRunDue(null, new Date("2026-11-30T05:30:00Z"))).toBe(true);
    expect(dailyRunDue("2026-11-30T05:10:00Z", new Date("2026-11-30T15:00:00Z"))).toBe(false);
    expect(dailyRunDue("2026-11-29T05:10:00Z", new Date("2026-11-30T06:00:00Z"))).toBe(true);
  });
});
