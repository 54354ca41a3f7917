import { ActionButton } from "./form";
import { DataTable } from "./ui/table";
import { Heading, Paragraph, TextLink } from "./ui/text";
import { formatDateTime } from "~/domain/dates-nl";
import type { ArticleState } from "~/domain/knowledge";

/** The versions of a kennisbank entry (article or goed voorbeeld), each openable with `?versie=N`. */
export function VersionsSection({
  noun,
  versions,
  openVersion,
  state,
  publishedVersion,
}: {
  noun: string;
  versions: { version: number; createdAt: string; author: string | null }[];
  openVersion: number;
  state: ArticleState;
  publishedVersion: number | null;
}) {
  return (
    <section className="rd-section" aria-labelledby="versies">
      <Heading level={2} id="versies">
        Versies
      </Heading>
      <DataTable
        caption={`Versies van ${noun}, nieuwste eerst`}
        rows={versions}
        rowKey={(v) => v.version}
        empty={<Paragraph>Nog geen versies.</Paragraph>}
        columns={[
          {
            header: "Versie",
            rowHeader: true,
            cell: (v) => (v.version === openVersion ? `Versie ${v.version} (geopend)` : <TextLink to={`?versie=${v.version}`}>Versie {v.version} openen</TextLink>),
          },
          { header: "Opgeslagen", cell: (v) => formatDateTime(v.createdAt) },
          { header: "Door", cell: (v) => v.author ?? "–" },
          { header: "Openbaar", cell: (v) => (state === "published" && v.version === publishedVersion ? "Gepubliceerd" : "–") },
        ]}
      />
    </section>
  );
}

/** Withdrawing a published entry: it leaves the public site, stays here and may be published again. */
export function WithdrawSection({ noun, label }: { noun: string; label: string }) {
  return (
    <section className="rd-section" aria-labelledby="intrekken">
      <Heading level={2} id="intrekken">
        Intrekken
      </Heading>
      <Paragraph>Een ingetrokken {noun} verdwijnt van de openbare site; het blijft hier, en kan later opnieuw gepubliceerd worden.</Paragraph>
      <ActionButton intent="withdraw" label={label} danger />
    </section>
  );
}
