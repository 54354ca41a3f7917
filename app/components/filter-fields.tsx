import type { ReactNode } from "react";
import type { Option } from "./form";

/** A labelled select of a GET filter form: the value lives in the URL, so no form state is needed. */
export function FilterSelect({
  name,
  label,
  options,
  value,
  allLabel = "Alle",
}: {
  name: string;
  label: string;
  options: Option[];
  value: string | number | undefined;
  allLabel?: string;
}) {
  const id = `filter-${name}`;
  return (
    <div className="utrecht-form-field">
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      <div className="utrecht-form-field__input">
        <select id={id} name={name} defaultValue={value === undefined ? "" : String(value)} className="utrecht-select utrecht-select--html-select">
          <option value="">{allLabel}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** A text filter; `type="date"` gives the browser's date picker (without it, JJJJ-MM-DD as typed). */
export function FilterSearch({ name, label, value, type = "search" }: { name: string; label: string; value: string | undefined; type?: "search" | "date" }) {
  const id = `filter-${name}`;
  return (
    <div className="utrecht-form-field">
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      <div className="utrecht-form-field__input">
        <input id={id} name={name} type={type} defaultValue={value ?? ""} className="utrecht-textbox utrecht-textbox--html-input" />
      </div>
    </div>
  );
}

/** The button of a filter form (a GET form: the filters stay in the URL), and what may stand beside it. */
export function FilterButton({ children }: { children?: ReactNode }) {
  return (
    <div className="utrecht-button-group">
      <button type="submit" className="utrecht-button utrecht-button--secondary-action">
        Filteren
      </button>
      {children}
    </div>
  );
}
