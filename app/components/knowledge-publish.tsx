import { Form } from "@remix-run/react";
import { CsrfField } from "./form";
import { Alert } from "./ui/alert";
import { Button } from "./ui/button";
import { Heading, Paragraph } from "./ui/text";
import { GUARD_KIND_LABELS, type GuardHit } from "~/domain/confidentiality-guard";
import type { ArticleState } from "~/domain/knowledge";

/**
 * The confidentiality guard's findings on the latest version, and publishing. With hits the form holds a checkbox the
 * intermediary must tick to publish anyway; the server checks again and audits that choice.
 */
export function PublishSection({
  state,
  latestVersion,
  publishedVersion,
  hits,
  error,
}: {
  state: ArticleState;
  latestVersion: number;
  publishedVersion: number | null;
  hits: GuardHit[];
  error: string | undefined;
}) {
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
      {error ? <Alert type="error">{error}</Alert> : null}
      {upToDate ? null : (
        <Form method="post" className="utrecht-form rd-form">
          <CsrfField />
          <input type="hidden" name="intent" value="publish" />
          {hits.length > 0 ? (
            <div className="utrecht-form-field utrecht-form-field--checkbox">
              <div className="utrecht-form-field__input">
                <input type="checkbox" id="despiteHits" name="despiteHits" value="yes" className="utrecht-checkbox utrecht-checkbox--html-input" />
              </div>
              <div className="utrecht-form-field__label">
                <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor="despiteHits">
                  Ik heb de treffers bekeken en publiceer toch (dit wordt vastgelegd in het auditlog)
                </label>
              </div>
            </div>
          ) : null}
          <div className="utrecht-button-group">
            <Button appearance="primary-action">Versie {latestVersion} publiceren</Button>
          </div>
        </Form>
      )}
    </section>
  );
}
