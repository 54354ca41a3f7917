import type { ReactNode } from "react";
import { DataTable } from "~/components/ui/table";
import { TextLink } from "~/components/ui/text";
import { fillOf, mapCells, type MapClass, type MapGeometry } from "~/domain/region-map";
import type { FigureLabels } from "~/domain/report-format";
import type { PublishedCell } from "~/domain/report-suppression";

export type RegionMapData = { geometry: MapGeometry; withTrajectory: string[] };

function Patterns({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={`${id}-small`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#ffffff" />
        <line x1="0" y1="0" x2="0" y2="6" stroke="#444" strokeWidth="2" />
      </pattern>
      <pattern id={`${id}-protected`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#ffffff" />
        <path d="M0 0L6 6M6 0L0 6" stroke="#444" strokeWidth="1.2" />
      </pattern>
    </defs>
  );
}

/** A legend entry's sample of a class, as the map fills it. */
export function Swatch({ id, mapClass }: { id: string; mapClass: MapClass }) {
  return (
    <svg width="18" height="14" viewBox="0 0 18 14" aria-hidden="true" focusable="false">
      <Patterns id={`${id}-swatch-${mapClass.kind}`} />
      <rect x="0.5" y="0.5" width="17" height="13" fill={fillOf(mapClass, `${id}-swatch-${mapClass.kind}`)} stroke="#222" />
    </svg>
  );
}

/**
 * The regions as SVG shapes, each filled as the caller says: the one drawing of the map, shared by the year report's
 * map below and the contract reviews' score map. Linked, each region is a link to its region page named by `label`.
 */
export function RegionShapes({
  caption,
  geometry,
  shapes,
  linked,
  defs,
  children,
}: {
  caption: string;
  geometry: MapGeometry;
  shapes: { code: string; fill: string; label: string }[];
  linked: boolean;
  defs?: ReactNode;
  children?: ReactNode;
}) {
  const byCode = new Map(geometry.regions.map((region) => [region.code, region]));
  return (
    <svg viewBox={`0 0 ${geometry.width} ${geometry.height}`} width={geometry.width} height={geometry.height} role={linked ? "group" : "img"} aria-label={caption} className="rd-region-map-svg">
      {defs}
      {shapes.map((shape) => {
        const region = byCode.get(shape.code);
        if (!region) return null;
        const path = <path d={region.d} fill={shape.fill} stroke="#222" strokeWidth="0.8" />;
        return linked ? (
          <a key={shape.code} href={`/regios/${shape.code}`} aria-label={shape.label}>
            {path}
          </a>
        ) : (
          <g key={shape.code}>{path}</g>
        );
      })}
      {children}
    </svg>
  );
}

/**
 * The Netherlands in its youth-care regions, drawn as SVG from paths the server projected (region-map.server.ts):
 * shaded by signals, a ring where a trajectory ran (the working view only), a legend, and the numbers as a table or
 * beside it. In the working view each region links to its region page; in a publication nothing links.
 */
export function RegionMap({
  id,
  caption,
  map,
  cells,
  labels,
  linked,
  table,
}: {
  id: string;
  caption: string;
  map: RegionMapData;
  cells: Readonly<Record<string, PublishedCell>>;
  labels: FigureLabels;
  linked: boolean;
  /** Whether the map brings its own table (region, signals, trajectory); the report has the regions table beside it. */
  table: boolean;
}) {
  const { geometry } = map;
  const { cells: mapped, legend } = mapCells(geometry.regions, cells, labels, new Set(map.withTrajectory));
  const byCode = new Map(geometry.regions.map((region) => [region.code, region]));
  const withTrajectory = mapped.filter((cell) => cell.trajectory);
  const describe = (name: string, text: string, trajectory: boolean) => `${name}: ${text} ${text === "1" ? "vraag" : "vragen"}${trajectory ? ", met traject" : ""}`;
  return (
    <div className="rd-region-map" id={id}>
      <RegionShapes
        caption={caption}
        geometry={geometry}
        shapes={mapped.map((cell) => ({ code: cell.code, fill: fillOf(cell.mapClass, id), label: describe(cell.name, cell.text, cell.trajectory) }))}
        linked={linked}
        defs={<Patterns id={id} />}
      >
        {withTrajectory.map((cell) => {
          const [x, y] = byCode.get(cell.code)!.centre;
          return <circle key={cell.code} cx={x} cy={y} r="6" fill="#ffffff" stroke="#000000" strokeWidth="2.5" aria-hidden="true" />;
        })}
      </RegionShapes>
      <ul className="rd-map-legend" aria-label="Legenda">
        {legend.map((item) => (
          <li key={item.label}>
            <Swatch id={id} mapClass={item.mapClass} /> {item.label}
          </li>
        ))}
        {withTrajectory.length > 0 ? (
          <li>
            <svg width="18" height="14" viewBox="0 0 18 14" aria-hidden="true" focusable="false">
              <circle cx="9" cy="7" r="5" fill="#ffffff" stroke="#000000" strokeWidth="2.5" />
            </svg>{" "}
            regio met een bemiddelingstraject
          </li>
        ) : null}
      </ul>
      {!table && withTrajectory.length > 0 ? (
        <p className="utrecht-paragraph">Regio&apos;s met een bemiddelingstraject: {withTrajectory.map((cell) => cell.name).join(", ")}.</p>
      ) : null}
      {table ? (
        <DataTable
          caption={`${caption}: per regio`}
          rows={mapped}
          rowKey={(cell) => cell.code}
          empty={null}
          columns={[
            { header: "Regio", rowHeader: true, cell: (cell) => (linked ? <TextLink to={`/regios/${cell.code}`}>{cell.name}</TextLink> : cell.name) },
            { header: "Vragen", numeric: true, cell: (cell) => cell.text },
            { header: "Bemiddelingstraject", cell: (cell) => (cell.trajectory ? "ja" : "nee") },
          ]}
        />
      ) : null}
    </div>
  );
}
