import type { FieldMetadata } from "@conform-to/react";
import { useEffect, useState } from "react";

type Region = { code: string; name: string };
type Municipality = { code: string; name: string; regionCode: string };

function Checkbox({ name, municipality, checked }: { name: string; municipality: Municipality; checked: boolean }) {
  const id = `${name}-${municipality.code}`;
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox">
      <div className="utrecht-form-field__input">
        <input type="checkbox" id={id} name={name} value={municipality.code} defaultChecked={checked} className="utrecht-checkbox utrecht-checkbox--html-input" />
      </div>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
          {municipality.name}
        </label>
      </div>
    </div>
  );
}

/**
 * The municipalities of the chosen region as checkboxes (a region has 1 to 30 of them). With JavaScript the list
 * follows the region field; without it every region's list is there, each folded under its name, and the server
 * refuses a municipality outside the chosen region.
 */
export function MunicipalityChecklist({
  field,
  legend,
  regionCode,
  regions,
  municipalities,
}: {
  field: FieldMetadata<string[]>;
  legend: string;
  regionCode: string | undefined;
  regions: Region[];
  municipalities: Municipality[];
}) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const initial = field.initialValue;
  const chosen = new Set((Array.isArray(initial) ? initial : initial ? [initial] : []).filter((v): v is string => typeof v === "string"));
  const invalid = Boolean(field.errors?.length);
  const inRegion = (code: string) => municipalities.filter((m) => m.regionCode === code);

  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${invalid ? " utrecht-form-fieldset--invalid" : ""}`}
      aria-describedby={invalid ? field.errorId : undefined}
      id={field.id}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {invalid ? (
        <div className="utrecht-form-field-error-message" id={field.errorId}>
          {field.errors?.join(" ")}
        </div>
      ) : null}
      {hydrated ? (
        regionCode ? (
          <div className="rd-checklist">
            {inRegion(regionCode).map((m) => (
              <Checkbox key={m.code} name={field.name} municipality={m} checked={chosen.has(m.code)} />
            ))}
          </div>
        ) : (
          <p className="utrecht-paragraph rd-muted">Kies eerst een regio; dan staan hier haar gemeenten.</p>
        )
      ) : (
        regions.map((r) => (
          <details key={r.code} className="rd-details" open={r.code === regionCode || inRegion(r.code).some((m) => chosen.has(m.code)) || undefined}>
            <summary>Gemeenten in {r.name}</summary>
            <div className="rd-checklist">
              {inRegion(r.code).map((m) => (
                <Checkbox key={m.code} name={field.name} municipality={m} checked={chosen.has(m.code)} />
              ))}
            </div>
          </details>
        ))
      )}
    </fieldset>
  );
}
