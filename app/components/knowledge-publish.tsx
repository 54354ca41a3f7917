import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { CheckboxField } from "./choice-fields";
import { AppForm } from "./form";
import { Alert } from "./ui/alert";
import { Heading, Paragraph } from "./ui/text";
import { GUARD_KIND_LABELS, type GuardHit } from "~/domain/confidentiality-guard";
import { publishSchema, type ArticleState } from "~/domain/knowledge";

/**
 * The confidentiality guard's findings on the latest version, and publishing. With hits the form holds a checkbox the
 * intermediary must tick to publish anyway; the server checks again and audits that choice.
 */
export function PublishSection({
  state,
  latestVersion,
  publishedVersion,
  hits,
  lastResult,
}: {
  state: ArticleState;
  latestVersion: number;
  publishedVersion: number | null;
  hits: GuardHit[];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const [form, fields] = useForm({ id: `publish-${latestVersion}`, lastResult, onValidate: ({ formData }) => parseWithZod(formData, { schema: publishSchema }), shouldValidate: "onSubmit" });
  const upToDate = state === "published" && publishedVersion === latestVersion;
  return (
    <section className="rd-section" aria-labelledby="publiceren">
      <Heading level={2} id="publiceren">
        Vertrouwelijkheidscheck en publiceren
      </Heading>
      {state === "published" ? (
        <Paragraph>
          Versie {publishedVersion} staat op de openbare site.{upToDate ? "" : ` Versie ${latestVersion} is nog niet gepubliceerd.`}
        </Paragraph>
      ) : null}
      {hits.length === 0 ? (
        <Alert type="ok">De controle vond geen namen, organisaties, e-mailadressen, telefoonnummers of gemeenten uit de gekoppelde signalen en geen gevoelige namen in versie {latestVersion}.</Alert>
      ) : (
        <Alert type="warning" title={`De controle vond ${hits.length === 1 ? "1 treffer" : `${hits.length} treffers`} in versie ${latestVersion}`}>
          <ul className="utrecht-unordered-list">
            {hits.map((hit) => (
              <li key={`${hit.kind}:${hit.value}`} className="utrecht-unordered-list__item">
                {GUARD_KIND_LABELS[hit.kind]}: <strong>{hit.value}</strong>
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {upToDate ? null : (
        <AppForm form={form} submitLabel={`Versie ${latestVersion} publiceren`}>
          <input type="hidden" name="intent" value="publish" />
          {hits.length > 0 ? <CheckboxField field={fields.despiteHits} label="Ik heb de treffers bekeken en publiceer toch (dit wordt vastgelegd in het auditlog)" /> : null}
        </AppForm>
      )}
    </section>
  );
}
