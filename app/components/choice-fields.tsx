import type { FieldMetadata } from "@conform-to/react";
import type { Option } from "./form";

/**
 * One choice of a few, each written out in full (a select cuts long options off on a phone). Part of the form
 * pattern: the error sits at the group and the choice made is kept after a refused send.
 */
export function RadioGroup({
  field,
  legend,
  options,
  className,
}: {
  field: FieldMetadata<string>;
  legend: string;
  options: Option[];
  /** Lets CSS react to the choice (e.g. `:has(:checked)`), which also works without JavaScript. */
  className?: string;
}) {
  const invalid = Boolean(field.errors?.length);
  const chosen = typeof field.initialValue === "string" ? field.initialValue : undefined;
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${invalid ? " utrecht-form-fieldset--invalid" : ""}${className ? ` ${className}` : ""}`}
      aria-describedby={invalid ? field.errorId : undefined}
      id={field.id}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {invalid ? (
        <div className="utrecht-form-field-error-message" id={field.errorId}>
          {field.errors?.join(" ")}
        </div>
      ) : null}
      {options.map((option) => {
        const id = `${field.id}-${option.value}`;
        return (
          <div key={option.value} className="utrecht-form-field utrecht-form-field--radio">
            <div className="utrecht-form-field__input">
              <input
                type="radio"
                id={id}
                name={field.name}
                value={option.value}
                defaultChecked={chosen === option.value}
                aria-invalid={invalid || undefined}
                className="utrecht-radio-button utrecht-radio-button--html-input"
              />
            </div>
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={id}>
                {option.label}
              </label>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

/** One checkbox with its own label and error, e.g. a confirmation the server asks for. */
export function CheckboxField({ field, label, value = "yes" }: { field: FieldMetadata<string>; label: string; value?: string }) {
  const invalid = Boolean(field.errors?.length);
  return (
    <div className={`utrecht-form-field utrecht-form-field--checkbox${invalid ? " utrecht-form-field--invalid" : ""}`}>
      <div className="utrecht-form-field__input">
        <input
          type="checkbox"
          id={field.id}
          name={field.name}
          value={value}
          defaultChecked={field.initialValue === value}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? field.errorId : undefined}
          className="utrecht-checkbox utrecht-checkbox--html-input"
        />
      </div>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={field.id}>
          {label}
        </label>
        {invalid ? (
          <div className="utrecht-form-field-error-message" id={field.errorId}>
            {field.errors?.join(" ")}
          </div>
        ) : null}
      </div>
    </div>
  );
}
