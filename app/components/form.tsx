import { getFormProps, getInputProps, getSelectProps, getTextareaProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import { Form, useNavigation, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import type { loader as rootLoader } from "~/root";
import { Alert } from "./ui/alert";
import { CSRF_FIELD } from "~/utils/csrf-field";
import { Button } from "./ui/button";


/** On a page with several forms, the action's answer for the form with this intent (utils/form.server readIntentForm). */
export function resultFor<Result>(answer: { intent: string; result: Result } | undefined, intent: string): Result | undefined {
  return answer?.intent === intent ? answer.result : undefined;
}

export function CsrfField() {
  const data = useRouteLoaderData<typeof rootLoader>("root");
  return <input type="hidden" name={CSRF_FIELD} value={data?.csrf ?? ""} />;
}

/**
 * The one form pattern: a Remix <Form> (works without JavaScript), conform for field state and client-side checks
 * with the same zod schema the action uses, the CSRF token, and one error summary that links to each wrong field.
 */
export function AppForm<Schema extends Record<string, unknown>>({
  form,
  children,
  action,
  encType,
  submitLabel,
  danger,
  compact,
}: {
  form: FormMetadata<Schema, string[]>;
  children: ReactNode;
  action?: string;
  encType?: "multipart/form-data";
  submitLabel: string;
  danger?: boolean;
  /** One choice and its button on one line, a secondary action beside the page's main forms (assign, link). */
  compact?: boolean;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formAction === (action ?? navigation.formAction);
  const fieldErrors = Object.entries(form.allErrors).filter(([name]) => name !== "");
  return (
    <Form method="post" action={action} encType={encType} className={`utrecht-form rd-form${compact ? " rd-form--compact" : ""}`} {...getFormProps(form)}>
      <CsrfField />
      {form.errors?.length || fieldErrors.length ? (
        <Alert type="error" title="Het formulier is nog niet in orde">
          <ul className="utrecht-unordered-list" id={form.errorId}>
            {form.errors?.map((message) => <li key={message}>{message}</li>)}
            {fieldErrors.map(([name, messages]) => (
              <li key={name}>
                <a className="utrecht-link" href={`#${form.id}-${name}`}>
                  {messages[0]}
                </a>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {children}
      <div className="utrecht-button-group">
        <Button appearance={compact ? "secondary-action" : "primary-action"} danger={danger} aria-disabled={busy || undefined}>
          {submitLabel}
        </Button>
      </div>
    </Form>
  );
}

/** Label, description, error and input of one field, tied together for assistive technology. */
export function FieldShell({
  field,
  label,
  description,
  children,
  kind,
}: {
  field: FieldMetadata<unknown>;
  label: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  kind?: "checkbox";
}) {
  const invalid = Boolean(field.errors?.length);
  const classes = ["utrecht-form-field", kind ? `utrecht-form-field--${kind}` : "", invalid ? "utrecht-form-field--invalid" : ""];
  return (
    <div className={classes.filter(Boolean).join(" ")}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={field.id}>
          {label}
        </label>
      </div>
      {description ? (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={field.descriptionId}>
          {description}
        </div>
      ) : null}
      {invalid ? (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={field.errorId}>
          {field.errors?.join(" ")}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

export function TextField<Value>({
  field,
  label,
  description,
  type = "text",
  autoComplete,
}: {
  field: FieldMetadata<Value, Record<string, unknown>, string[]>;
  label: string;
  description?: string;
  type?: "text" | "email" | "password" | "tel" | "date" | "search";
  autoComplete?: string;
}) {
  const invalid = Boolean(field.errors?.length);
  return (
    <FieldShell field={field} label={label} description={description}>
      <input
        {...getInputProps(field, { type, ariaDescribedBy: description ? field.descriptionId : undefined })}
        key={field.key}
        autoComplete={autoComplete}
        className={`utrecht-textbox utrecht-textbox--html-input${invalid ? " utrecht-textbox--invalid" : ""}`}
      />
    </FieldShell>
  );
}

export function TextAreaField({
  field,
  label,
  description,
  rows = 5,
}: {
  field: FieldMetadata<string>;
  label: string;
  description?: string;
  rows?: number;
}) {
  const invalid = Boolean(field.errors?.length);
  return (
    <FieldShell field={field} label={label} description={description}>
      <textarea
        {...getTextareaProps(field, { ariaDescribedBy: description ? field.descriptionId : undefined })}
        key={field.key}
        rows={rows}
        className={`utrecht-textarea utrecht-textarea--html-textarea${invalid ? " utrecht-textarea--invalid" : ""}`}
      />
    </FieldShell>
  );
}

/** A group of fields under a legend (a section of a long form). */
export function FieldGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset rd-field-group">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {children}
    </fieldset>
  );
}

export type Option = { value: string; label: string };

export function SelectField<Value>({
  field,
  label,
  description,
  options,
  placeholder,
  autoFocus,
}: {
  field: FieldMetadata<Value, Record<string, unknown>, string[]>;
  label: string;
  description?: string;
  options: Option[];
  placeholder?: string;
  /** Only on a page whose purpose is this form, for the first field without a sensible default. */
  autoFocus?: boolean;
}) {
  const invalid = Boolean(field.errors?.length);
  return (
    <FieldShell field={field} label={label} description={description}>
      <select
        {...getSelectProps(field, { ariaDescribedBy: description ? field.descriptionId : undefined })}
        key={field.key}
        autoFocus={autoFocus}
        className={`utrecht-select utrecht-select--html-select${invalid ? " utrecht-select--invalid" : ""}`}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A form with only a button (log out, disable, apply): still CSRF-protected. */
export function ActionButton({
  action,
  label,
  ariaLabel,
  intent,
  danger,
  confirmText,
  children,
}: {
  action?: string;
  label: string;
  /** A fuller name for screen readers when the visible label repeats per row ("Afronden: stap 3"). */
  ariaLabel?: string;
  intent?: string;
  danger?: boolean;
  confirmText?: string;
  children?: ReactNode;
}) {
  return (
    <Form
      method="post"
      action={action}
      className="rd-inline-form"
      onSubmit={(event) => {
        if (confirmText && !window.confirm(confirmText)) event.preventDefault();
      }}
    >
      <CsrfField />
      {children}
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <button type="submit" aria-label={ariaLabel} className={`utrecht-button utrecht-button--secondary-action${danger ? " utrecht-button--danger" : ""}`}>
        {label}
      </button>
    </Form>
  );
}
