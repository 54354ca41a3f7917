import { getInputProps, getSelectProps, type FieldMetadata } from "@conform-to/react";
import { useEffect, useRef, useState } from "react";
import { chosenMunicipality } from "~/domain/municipality-choice";
import { FieldShell } from "./form";

type Region = { code: string; name: string };
type Municipality = { code: string; name: string; regionCode: string };

/**
 * Municipality and region, kept consistent. The municipality is a text field with the full list as suggestions (a
 * native datalist, so typing, arrow keys and screen readers work as everywhere): only a whole name chooses it, and
 * then its region is filled in. A partial name chooses nothing and never narrows the list, so "Zeist" can be typed
 * letter by letter without "Ze" jumping to Zevenaar. Without JavaScript the server does the same: it reads the name,
 * derives the region and refuses a municipality outside the chosen region.
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
  const [typed, setTyped] = useState(municipalityField.initialValue ?? "");
  const municipalityInput = useRef<HTMLInputElement>(null);
  const regionSelect = useRef<HTMLSelectElement>(null);
  // The form is usable before its scripts run (a slow phone, the no-JS path): what was typed or chosen by then is in
  // the elements, and becomes the state instead of being put back to what the server rendered.
  useEffect(() => {
    if (municipalityInput.current) setTyped(municipalityInput.current.value);
    if (regionSelect.current) setRegion(regionSelect.current.value);
  }, []);
  const { defaultValue: _r, ...regionProps } = getSelectProps(regionField);
  const { defaultValue: _m, ...municipalityProps } = getInputProps(municipalityField, { type: "text", ariaDescribedBy: municipalityField.descriptionId });
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  const listId = `${municipalityField.id}-suggestions`;
  const invalid = Boolean(municipalityField.errors?.length);

  return (
    <>
      <FieldShell field={municipalityField} label="Gemeente (niet verplicht)" description="Typ de hele naam of kies uit de lijst; een gemeente vult de regio in.">
        <input
          {...municipalityProps}
          ref={municipalityInput}
          list={listId}
          autoComplete="off"
          value={typed}
          onChange={(event) => {
            setTyped(event.target.value);
            const chosen = chosenMunicipality(event.target.value, municipalities);
            if (chosen) setRegion(chosen.regionCode);
          }}
          className={`utrecht-textbox utrecht-textbox--html-input${invalid ? " utrecht-textbox--invalid" : ""}`}
        />
        <datalist id={listId}>
          {municipalities.map((m) => (
            <option key={m.code} value={m.name}>
              {regionName.get(m.regionCode) ?? m.regionCode}
            </option>
          ))}
        </datalist>
      </FieldShell>
      <FieldShell field={regionField} label="Jeugdregio">
        <select
          {...regionProps}
          ref={regionSelect}
          value={region}
          onChange={(event) => {
            setRegion(event.target.value);
            const current = chosenMunicipality(typed, municipalities);
            if (current && current.regionCode !== event.target.value) setTyped("");
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
    </>
  );
}
