import { addDays } from "../../app/domain/dates";

/** A list row as TenderNed sends it, day counter included (the fake server recomputes it on every request). */
export type FakeRow = {
  publicatieId: string;
  publicatieDatum: string;
  typePublicatie: { code: string; omschrijving: string };
  aanbestedingNaam: string;
  opdrachtgeverNaam: string;
  opdrachtBeschrijving: string;
  sluitingsDatum?: string;
  procedure: { code: string; omschrijving: string };
  typeOpdracht: { code: string };
  link: { href: string };
  kenmerk: string;
  [extra: string]: unknown;
};

export type FakeDay = { rows: FakeRow[]; /** Rows the list announces but never gives (a day TenderNed pages short). */ missing?: number };

const TYPES: Record<string, string> = {
  MAC: "Marktconsultatie",
  VOP: "Vooraankondiging",
  AAO: "Aankondiging van een opdracht",
  REC: "Rectificatie",
  AGO: "Aankondiging van een gegunde opdracht",
};

export function fakeRow(input: { id: string; day: string; type: keyof typeof TYPES; name: string; authority: string; description?: string; closing?: string; kenmerk?: string }): FakeRow {
  return {
    publicatieId: input.id,
    publicatieDatum: `${input.day}T00:00:00`,
    typePublicatie: { code: input.type, omschrijving: TYPES[input.type]! },
    aanbestedingNaam: input.name,
    opdrachtgeverNaam: input.authority,
    opdrachtBeschrijving: input.description ?? "",
    ...(input.closing ? { sluitingsDatum: `${input.closing}T12:00:00` } : {}),
    procedure: { code: "OPE", omschrijving: "Openbaar" },
    typeOpdracht: { code: "D" },
    link: { href: `https://www.tenderned.nl/aankondigingen/overzicht/${input.id}` },
    kenmerk: input.kenmerk ?? `K${input.id}`,
    digitaal: true,
    europees: false,
  };
}

/** Road works and office supplies: what most of TenderNed is, never youth care. */
export function fillerRows(day: string, count: number, idStart: number): FakeRow[] {
  return Array.from({ length: count }, (_, i) =>
    fakeRow({ id: String(idStart + i), day, type: "AAO", name: `Onderhoud openbare ruimte perceel ${i + 1}`, authority: `Gemeente Nergenshuizen ${i % 7}`, description: "Asfalt en groen", closing: addDays(day, 40) }),
  );
}

/**
 * The scenario of the tests, relative to `today`: an announcement of Zeist (youth care by its words) paged over two
 * pages of road works, a CPV-only youth-care notice of De Bilt, a road tender of Zeist, a rectification moving the
 * deadline, a market consultation of a regional body nobody mapped yet, and an award on a day whose list is short.
 */
export function scenario(today: string) {
  const d3 = addDays(today, -3);
  const d2 = addDays(today, -2);
  const d1 = addDays(today, -1);
  const days = new Map<string, FakeDay>([
    [
      d3,
      {
        rows: [
          ...fillerRows(d3, 60, 50_000),
          fakeRow({ id: "1001", day: d3, type: "AAO", name: "Specialistische jeugdhulp Zuidoost Utrecht 2027", authority: "Gemeente Zeist", description: "Inkoop jeugdhulp met verblijf voor de regio.", closing: addDays(today, 30), kenmerk: "K-ZEIST" }),
          fakeRow({ id: "1002", day: d3, type: "AAO", name: "Ambulante begeleiding", authority: "gemeente De Bilt", description: "Begeleiding thuis", closing: addDays(today, 20) }),
          fakeRow({ id: "1003", day: d3, type: "AAO", name: "Reconstructie Utrechtseweg", authority: "Gemeente Zeist", description: "Wegen en riolering", closing: addDays(today, 25) }),
          ...fillerRows(d3, 70, 51_000),
        ],
      },
    ],
    [
      d2,
      {
        rows: [
          fakeRow({ id: "1004", day: d2, type: "REC", name: "Specialistische jeugdhulp Zuidoost Utrecht 2027", authority: "Gemeente Zeist", description: "Rectificatie: de termijn is verlengd.", closing: addDays(today, 40), kenmerk: "K-ZEIST" }),
          fakeRow({ id: "1005", day: d2, type: "MAC", name: "Marktconsultatie jeugdzorg ZHZ", authority: "Serviceorganisatie Jeugd ZHZ", description: "Consultatie over de inkoop jeugdzorg" }),
          ...fillerRows(d2, 5, 52_000),
        ],
      },
    ],
    [
      d1,
      {
        rows: [fakeRow({ id: "1006", day: d1, type: "AGO", name: "Jeugdhulp Zeist 2026", authority: "Gemeente Zeist", description: "Gunning jeugdhulp", kenmerk: "K-OUD" }), ...fillerRows(d1, 2, 53_000)],
        missing: 2,
      },
    ],
  ]);
  const cpv = new Map<string, string[]>([
    ["1002", ["85312000-9"]],
    ["1003", ["45233141-9"]],
  ]);
  return { days, cpv, d1, d2, d3 };
}
