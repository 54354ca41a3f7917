import { renderToStaticMarkup } from "react-dom/server";
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";
import type { ReportDocument } from "~/domain/report-document";
import { reportTables, type ReportTable } from "~/domain/report-tables";

/**
 * Charts are drawn once, on the server, at a fixed size without animation, and travel as finished SVG: they print,
 * work without JavaScript and cost the browser no recharts code. Rendering them again in the browser would not
 * match (recharts measures text with the DOM there and wraps labels differently), which breaks hydration.
 * One dark fill with the value written beside each bar, so a chart reads the same in black and white. The table
 * under the chart carries the numbers for assistive technology, hence aria-hidden.
 */
const WIDTH = 680;
const BAR = 26;
const FILL = "#1d3f6e";
/** What fits the 300 px label column at 12 px; the table under the chart has the full label. */
const MAX_LABEL = 44;
const shortLabel = (label: string) => (label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1).trimEnd()}…` : label);

function ReportChart({ table }: { table: ReportTable }) {
  const data = table.rows.map((row) => ({ label: row.label, value: row.count ?? 0, shown: row.countText }));
  if (table.id === "per-maand") {
    return (
      <BarChart width={WIDTH} height={260} data={data.map((d) => ({ ...d, label: d.label.slice(0, 3) }))} margin={{ top: 20, right: 8, bottom: 4, left: 0 }}>
          <CartesianGrid vertical={false} stroke="#c8c8c8" />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#222" }} interval={0} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#222" }} width={40} />
          <Bar dataKey="value" fill={FILL} isAnimationActive={false}>
            <LabelList dataKey="shown" position="top" style={{ fontSize: 11, fill: "#222" }} />
          </Bar>
      </BarChart>
    );
  }
  return (
    <BarChart width={WIDTH} height={data.length * BAR + 40} data={data} layout="vertical" margin={{ top: 4, right: 56, bottom: 4, left: 8 }}>
        <CartesianGrid horizontal={false} stroke="#c8c8c8" />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: "#222" }} />
        <YAxis type="category" dataKey="label" width={300} tick={{ fontSize: 12, fill: "#222" }} interval={0} tickFormatter={shortLabel} />
        <Bar dataKey="value" fill={FILL} isAnimationActive={false} barSize={16}>
          <LabelList dataKey="shown" position="right" style={{ fontSize: 12, fill: "#222" }} />
        </Bar>
    </BarChart>
  );
}

/**
 * Finished SVG per table id. renderToStaticMarkup escapes every label like any React render, so the string is as
 * safe to place in the page as the rest of it.
 */
export function chartsOf(document: ReportDocument, regionNames: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    reportTables(document, regionNames)
      .filter((table) => table.chart)
      .map((table) => [table.id, renderToStaticMarkup(<ReportChart table={table} />)]),
  );
}
