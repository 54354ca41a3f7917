import fs from "node:fs";
import path from "node:path";
import { geoMercator, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { MapGeometry } from "~/domain/region-map";

/**
 * The Netherlands in its 42 youth-care regions (CBS 2024, db/reference/jeugdregio_2024.topojson), projected once
 * per process to SVG paths at a fixed size. The map is drawn from these paths by a plain component, so the page needs
 * no map code in the browser. The boundaries are simplified: fine for an overview, never for locating an address.
 */
const FILE = path.resolve(process.cwd(), "db/reference/jeugdregio_2024.topojson");
const WIDTH = 520;
const HEIGHT = 600;

type RegionProperties = { statcode: string; statnaam: string };

let cached: MapGeometry | undefined;

export function regionMapGeometry(): MapGeometry {
  if (cached) return cached;
  const topology = JSON.parse(fs.readFileSync(FILE, "utf8")) as Topology<{ jeugdregio_2024: GeometryCollection<RegionProperties> }>;
  const collection = feature(topology, topology.objects.jeugdregio_2024);
  const projection = geoMercator().fitSize([WIDTH, HEIGHT], collection);
  const draw = geoPath(projection).digits(1);
  const regions = collection.features.map((region) => {
    const [x, y] = draw.centroid(region);
    return { code: region.properties.statcode, name: region.properties.statnaam, d: draw(region) ?? "", centre: [Math.round(x), Math.round(y)] as [number, number] };
  });
  cached = { width: WIDTH, height: HEIGHT, regions };
  return cached;
}
