import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/ui/table";
import { Heading, Paragraph, TextLink } from "~/components/ui/text";
import { listLessons } from "~/models/procurement.server";
import { requireUser } from "~/utils/guard.server";
import { formatShortDate } from "~/domain/dates-nl";

export const meta: MetaFunction = () => [{ title: "Geleerde lessen · Rode Draad" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, ["intermediary"]);
  return { lessons: listLessons() };
}

export default function LessonsPage() {
  const { lessons } = useLoaderData<typeof loader>();
  return (
    <section className="rd-section">
      <Heading level={1}>Geleerde lessen</Heading>
      <Paragraph>Ervaringen uit trajecten (stap 8), om te gebruiken in andere regio&apos;s.</Paragraph>
      <DataTable
        caption="Lessen, nieuwste eerst"
        rows={lessons}
        rowKey={(l) => l.id}
        empty={<Paragraph>Nog geen lessen. Leg ze vast bij stap 8 van een traject.</Paragraph>}
        columns={[
          { header: "Les", rowHeader: true, cell: (l) => l.text },
          { header: "Regio", cell: (l) => <TextLink to={`/regios/${l.regionCode}`}>{l.regionName}</TextLink> },
          { header: "Traject", cell: (l) => <TextLink to={`/trajecten/${l.trajectoryId}`}>Traject {l.trajectoryId}</TextLink> },
          { header: "Datum", nowrap: true, cell: (l) => formatShortDate(l.at) },
        ]}
      />
    </section>
  );
}
