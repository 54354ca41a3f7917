import type { FieldMetadata } from "@conform-to/react";
import type { Option } from "./form";

type ChoiceGroupProps = {
  legend: string;
  description?: string;
  options: Option[];
  /** Lets CSS react to the choice (e.g. `:has(:checked)`), which also works without JavaScript. */
  className?: string;
};

/** The fieldset both groups share: legend, description and error at the group, one labelled input per option. */
function ChoiceGroup({
  field,
  type,
  checked,
  legend,
  description,
  options,
  className,
}: ChoiceGroupProps & { field: FieldMetadata<string> | FieldMetadata<string[]>; type: "radio" | "checkbox"; checked: (value: string) => boolean }) {
  const invalid = Boolean(field.errors?.length);
  const describedBy = [description ? field.descriptionId : "", invalid ? field.errorId : ""].filter(Boolean).join(" ");
  const input = type === "radio" ? "utrecht-radio-button utrecht-radio-button--html-input" : "utrecht-checkbox utrecht-checkbox--html-input";
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset${invalid ? " utrecht-form-fieldset--invalid" : ""}${className ? ` ${className}` : ""}`}
      aria-describedby={describedBy || undefined}
      id={field.id}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {description ? (
        <div className="utrecht-form-field-description" id={field.descriptionId}>
          {description}
        </div>
      ) : null}
      {invalid ? (
        <div className="utrecht-form-field-error-message" id={field.errorId}>
          {field.errors?.join(" ")}
        </div>
      ) : null}
      {options.map((option) => {
        const id = `${field.id}-${option.value}`;
        return (
          <div key={option.value} className={`utrecht-form-field utrecht-form-field--${type}`}>
            <div className="utrecht-form-field__input">
              <input type={type} id={id} name={field.name} value={option.value} defaultChecked={checked(option.value)} aria-invalid={invalid || undefined} className={input} />
            </div>
            <div className="utrecht-form-field__label">
              <label className={`utrecht-form-label utrecht-form-label--${type}`} htmlFor={id}>
                {option.label}
              </label>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

/**
 * One choice of a few, each written out in full (a select cuts long options off on a phone). Part of the form
 * pattern: the error sits at the group and the choice made is kept after a refused send.
 */
export function RadioGroup({ field, ...group }: ChoiceGroupProps & { field: FieldMetadata<string> }) {
  const chosen = typeof field.initialValue === "string" ? field.initialValue : undefined;
  return <ChoiceGroup field={field} type="radio" checked={(value) => value === chosen} {...group} />;
}

/** Several checkboxes under one legend, e.g. roles or triggers; the ticked ones are kept after a refused send. */
export function CheckboxGroup({ field, ...group }: ChoiceGroupProps & { field: FieldMetadata<string[]> }) {
  const initial = field.initialValue;
  const selected = new Set(Array.isArray(initial) ? initial : initial ? [initial] : []);
  return <ChoiceGroup field={field} type="checkbox" checked={(value) => selected.has(value)} {...group} />;
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
