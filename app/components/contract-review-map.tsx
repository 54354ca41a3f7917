import { RegionShapes, Swatch } from "./report/region-map";
import { formatScore, SCORE_STEP_LABELS, scoreStep } from "~/domain/contract-review";
import { fillOf, type MapGeometry } from "~/domain/region-map";

/**
 * The regions shaded by the score of their latest review (darker: less accessible), drawn by the year report's map.
 * Decorative for screen readers beside the overview table, which holds the same numbers (`role="img"`, no links).
 */
export function ReviewScoreMap({ geometry, scores }: { geometry: MapGeometry; scores: Readonly<Record<string, { percent: number | null; unknown: number }>> }) {
  const id = "review-map";
  const shapes = geometry.regions.map((region) => {
    const score = scores[region.code];
    const step = scoreStep(score?.percent ?? null);
    return { code: region.code, fill: fillOf({ kind: "shade", step }, id), label: `${region.name}: ${score ? formatScore(score) : "geen toets"}` };
  });
  return (
    <div className="rd-region-map" id={id}>
      <RegionShapes caption="Kaart: score van de laatste contracttoets per regio (de tabel hierboven geeft dezelfde gegevens)" geometry={geometry} shapes={shapes} linked={false} />
      <ul className="rd-map-legend" aria-label="Legenda">
        {SCORE_STEP_LABELS.map((label, step) => (
          <li key={label}>
            <Swatch id={`${id}-${step}`} mapClass={{ kind: "shade", step }} /> {label}
          </li>
        ))}
      </ul>
    </div>
  );
}
