import { DataTable } from "./ui/table";
import { RATING_LABELS, type StoredRating } from "~/domain/contract-review";

/** One version's ratings, criterion by criterion: on the review page and on its printable summary. */
export function RatingsTable({ caption, ratings }: { caption: string; ratings: StoredRating[] }) {
  return (
    <DataTable
      caption={caption}
      rows={ratings}
      rowKey={(r) => r.code}
      empty={null}
      stackOnNarrow
      columns={[
        { header: "Criterium", rowHeader: true, cell: (r) => r.question },
        { header: "Beoordeling", nowrap: true, cell: (r) => <span className={`rd-rating-badge rd-rating-badge--${r.rating}`}>{RATING_LABELS[r.rating]}</span> },
        { header: "Toelichting", cell: (r) => r.note || "–" },
        { header: "Bron", cell: (r) => r.source || "–" },
      ]}
    />
  );
}
