import { getSelectProps, type FieldMetadata } from "@conform-to/react";
import { useEffect, useState } from "react";
import { FieldShell } from "./form";

type Region = { code: string; name: string };
type Municipality = { code: string; name: string; regionCode: string };

/**
 * Region and municipality, kept consistent: choosing a municipality selects its region, choosing a region narrows the
 * municipalities to it. Without JavaScript both lists are complete (municipalities grouped per region) and the server
 * derives the region from the municipality and refuses a municipality outside the chosen region.
 */
export function RegionMunicipalityFields({
  regionField,
  municipalityField,
  regions,
  municipalities,
}: {
  regionField: FieldMetadata<string>;
  municipalityField: FieldMetadata<string>;
  regions: Region[];
  municipalities: Municipality[];
}) {
  const [region, setRegion] = useState(regionField.initialValue ?? "");
  const [municipality, setMunicipality] = useState(municipalityField.initialValue ?? "");
  const { defaultValue: _r, ...regionProps } = getSelectProps(regionField);
  const { defaultValue: _m, ...municipalityProps } = getSelectProps(municipalityField, {
    ariaDescribedBy: municipalityField.descriptionId,
  });
  // Until JavaScript runs, every municipality stays available: the server checks the pair and says what is wrong.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const shown = hydrated && region ? municipalities.filter((m) => m.regionCode === region) : municipalities;
  const byRegion = regions
    .map((r) => ({ ...r, members: shown.filter((m) => m.regionCode === r.code) }))
    .filter((r) => r.members.length > 0);

  return (
    <>
      <FieldShell field={regionField} label="Jeugdregio">
        <select
          {...regionProps}
          value={region}
          onChange={(event) => {
            setRegion(event.target.value);
            const current = municipalities.find((m) => m.code === municipality);
            if (current && current.regionCode !== event.target.value) setMunicipality("");
          }}
          className="utrecht-select utrecht-select--html-select"
        >
          <option value="">Kies een regio</option>
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name} ({r.code})
            </option>
          ))}
        </select>
      </FieldShell>
      <FieldShell field={municipalityField} label="Gemeente (niet verplicht)" description="Een gemeente kiezen vult de regio in.">
        <select
          {...municipalityProps}
          value={municipality}
          onChange={(event) => {
            setMunicipality(event.target.value);
            const chosen = municipalities.find((m) => m.code === event.target.value);
            if (chosen) setRegion(chosen.regionCode);
          }}
          className="utrecht-select utrecht-select--html-select"
        >
          <option value="">Geen gemeente</option>
          {byRegion.map((r) => (
            <optgroup key={r.code} label={r.name}>
              {r.members.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </FieldShell>
    </>
  );
}

