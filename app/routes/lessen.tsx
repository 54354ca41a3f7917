import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/ui/table";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { can } from "~/domain/permissions";
import { listLessons } from "~/models/procurement.server";
import { listTrajectories } from "~/models/trajectory-list.server";
import { requireUser } from "~/auth/guard.server";
import { formatShortDate } from "~/domain/dates-nl";

export const meta: MetaFunction = () => [{ title: "Geleerde lessen · Rode Draad" }];

/**
 * Every lesson, for the intermediary and advisers alike (permissions.ts, lessons.read). Links go only where the user
 * may follow them: an adviser's own trajectories and their regions.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "lessons.read");
  const everything = can(user.roles, "trajectory.readAny");
  const own = everything ? [] : listTrajectories({}, user);
  const ownTrajectories = new Set(own.map((t) => t.id));
  const ownRegions = new Set(own.map((t) => t.regionCode));
  const lessons = listLessons().map(({ id, at, text, trajectoryId, regionCode, regionName }) => ({
    id,
    at,
    text,
    regionName,
    regionHref: everything || ownRegions.has(regionCode) ? `/regios/${regionCode}` : null,
    trajectoryHref: everything || ownTrajectories.has(trajectoryId) ? `/trajecten/${trajectoryId}` : null,
    trajectoryId,
  }));
  return { lessons, mayWritePractice: can(user.roles, "practice.manage") };
}

export default function LessonsPage() {
  const { lessons, mayWritePractice } = useLoaderData<typeof loader>();
  return (
    <section className="rd-section">
      <Heading level={1}>Geleerde lessen</Heading>
      <Paragraph>Ervaringen uit trajecten (stap 8), om te gebruiken in andere regio&apos;s.</Paragraph>
      <DataTable
        caption="Lessen, nieuwste eerst"
        rows={lessons}
        rowKey={(l) => l.id}
        empty={<Paragraph>Nog geen lessen. Ze worden vastgelegd bij stap 8 van een traject.</Paragraph>}
        columns={[
          { header: "Les", rowHeader: true, cell: (l) => l.text },
          { header: "Regio", cell: (l) => (l.regionHref ? <TextLink to={l.regionHref}>{l.regionName}</TextLink> : l.regionName) },
          { header: "Traject", cell: (l) => (l.trajectoryHref ? <TextLink to={l.trajectoryHref}>Traject {l.trajectoryId}</TextLink> : `Traject ${l.trajectoryId}`) },
          { header: "Datum", nowrap: true, cell: (l) => formatShortDate(l.at) },
          ...(mayWritePractice ? [{ header: "Goed voorbeeld", cell: (l: (typeof lessons)[number]) => <TextLink to={`/kennisbank/voorbeelden/nieuw?les=${l.id}`}>Maak een goed voorbeeld</TextLink> }] : []),
        ]}
      />
    </section>
  );
}
