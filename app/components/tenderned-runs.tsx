import { DataTable } from "./ui/table";
import { Paragraph } from "./ui/text";
import { formatDateTime } from "~/domain/dates-nl";

const STATUS_LABELS = { running: "Bezig", ok: "Gelukt", incomplete: "Gelukt, niet alles ontvangen", failed: "Mislukt" } as const;
const TRIGGER_LABELS = { schedule: "Dagelijks", manual: "Nu ophalen", cli: "Opdrachtregel", import: "Exportbestand" } as const;

export type RunRow = {
  id: number;
  trigger: keyof typeof TRIGGER_LABELS;
  startedAt: string;
  status: keyof typeof STATUS_LABELS;
  message: string | null;
  read: number;
  matched: number;
  unassigned: number;
  requests: number;
};

/** The monitor's last runs: when, how, what came of it, in the status text the run wrote. */
export function RunTable({ runs }: { runs: RunRow[] }) {
  return (
    <DataTable
      caption="Laatste ophaalrondes"
      rows={runs}
      rowKey={(r) => r.id}
      stackOnNarrow
      empty={<Paragraph>Nog niet opgehaald.</Paragraph>}
      columns={[
        { header: "Gestart", rowHeader: true, nowrap: true, cell: (r) => formatDateTime(r.startedAt) },
        { header: "Hoe", cell: (r) => TRIGGER_LABELS[r.trigger] },
        { header: "Uitkomst", cell: (r) => STATUS_LABELS[r.status] },
        { header: "Gelezen", numeric: true, cell: (r) => r.read },
        { header: "Gekoppeld", numeric: true, cell: (r) => r.matched },
        { header: "Toe te wijzen", numeric: true, cell: (r) => r.unassigned },
        { header: "Verzoeken", numeric: true, cell: (r) => r.requests },
        { header: "Toelichting", cell: (r) => r.message ?? "" },
      ]}
    />
  );
}
