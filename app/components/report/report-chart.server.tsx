import { renderToStaticMarkup } from "react-dom/server";
import type { ReportDocument } from "~/domain/report-document";
import { formatMonthShort, wrapLabel } from "~/domain/report-format";
import { reportTables, type ReportTable } from "~/domain/report-tables";

/**
 * Charts are drawn once, on the server, at a fixed size without animation, and travel as finished SVG: they print,
 * work without JavaScript and cost the browser no recharts code. Rendering them again in the browser would not
 * match (recharts measures text with the DOM there and wraps labels differently), which breaks hydration.
 * One dark fill with the value written beside each bar, and text of 12 px, so a chart reads the same in black and
 * white print. The table under the chart carries the numbers for assistive technology, hence aria-hidden.
 */
const WIDTH = 680;
const FILL = "#1d3f6e";
const TEXT = { fontSize: 12, fill: "#222" };
const LINE = 15;
/** Characters of 12 px text that fit the 290 px label column (about 6.5 px a character, with room to spare). */
const LABEL_WIDTH = 40;

type Recharts = typeof import("recharts");

type TickProps = { x?: number; y?: number; payload?: { value: string } };

/** A category label on as many lines as it needs, centred on its bar, never cut. */
function WrappedTick({ x = 0, y = 0, payload }: TickProps) {
  const lines = wrapLabel(payload?.value ?? "", LABEL_WIDTH);
  const first = 4 - ((lines.length - 1) * LINE) / 2;
  return (
    <text x={x} y={y} textAnchor="end" fontSize={TEXT.fontSize} fill={TEXT.fill}>
      {lines.map((line, index) => (
        <tspan key={index} x={x} dy={index === 0 ? first : LINE}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

function ReportChart({ table, recharts }: { table: ReportTable; recharts: Recharts }) {
  const { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } = recharts;
  const data = table.rows.map((row) => ({ label: row.label, value: row.count ?? 0, shown: row.countText }));
  if (table.id === "per-maand") {
    return (
      <BarChart width={WIDTH} height={260} data={table.rows.map((row, index) => ({ ...data[index]!, label: formatMonthShort(row.code) }))} margin={{ top: 20, right: 8, bottom: 4, left: 0 }}>
        <CartesianGrid vertical={false} stroke="#c8c8c8" />
        <XAxis dataKey="label" tick={TEXT} interval={0} />
        <YAxis allowDecimals={false} tick={TEXT} width={40} />
        <Bar dataKey="value" fill={FILL} isAnimationActive={false}>
          <LabelList dataKey="shown" position="top" style={TEXT} />
        </Bar>
      </BarChart>
    );
  }
  const lines = Math.max(1, ...table.rows.map((row) => wrapLabel(row.label, LABEL_WIDTH).length));
  const rowHeight = Math.max(26, lines * LINE + 10);
  const domain: [number, number | "auto"] = [0, table.partOf ?? "auto"];
  return (
    <BarChart width={WIDTH} height={data.length * rowHeight + 40} data={data} layout="vertical" margin={{ top: 4, right: 96, bottom: 4, left: 8 }}>
      <CartesianGrid horizontal={false} stroke="#c8c8c8" />
      <XAxis type="number" allowDecimals={false} tick={TEXT} domain={domain} />
      <YAxis type="category" dataKey="label" width={290} tick={<WrappedTick />} interval={0} />
      <Bar dataKey="value" fill={FILL} isAnimationActive={false} barSize={16}>
        <LabelList dataKey="shown" position="right" style={TEXT} />
      </Bar>
    </BarChart>
  );
}

/**
 * Finished SVG per table id. renderToStaticMarkup escapes every label like any React render, so the string is as
 * safe to place in the page as the rest of it.
 */
export async function chartsOf(document: ReportDocument, regionNames: Record<string, string>): Promise<Record<string, string>> {
  // Loaded with the first report page, not at every start: recharts and d3 take a third of a second to load.
  const recharts = await import("recharts");
  return Object.fromEntries(
    reportTables(document, regionNames)
      .filter((table) => table.chart)
      .map((table) => [table.id, renderToStaticMarkup(<ReportChart table={table} recharts={recharts} />)]),
  );
}
