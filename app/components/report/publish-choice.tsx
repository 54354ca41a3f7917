import { Form } from "@remix-run/react";
import { Button } from "~/components/ui/button";
import { Paragraph } from "~/components/ui/text";
import { DEFAULT_POLICY, POLICIES, policyDescription, policyLabel, type Policy } from "~/domain/report-policy";

/**
 * The first step of publishing: the policy and whether region names may appear, sent to the preview (a GET, so
 * nothing changes until the intermediary confirms there). A year published before keeps its policy and k.
 */
export function PublishChoice({
  year,
  threshold,
  fixed,
  nextVersion,
}: {
  year: number;
  threshold: number;
  fixed: { policy: Policy; threshold: number } | null;
  nextVersion: number;
}) {
  return (
    <Form method="get" action={`/rapportage/${year}/publiceren`} className="utrecht-form rd-form">
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Afscherming van kleine aantallen</legend>
        {fixed ? (
          <>
            <input type="hidden" name="beleid" value={fixed.policy} />
            <Paragraph>
              {policyLabel(fixed.policy, fixed.threshold)}. Eerder gepubliceerde cijfers over dit jaar zijn zo afgeschermd,
              en elke volgende versie houdt dat beleid en die drempel: een strengere afscherming zou niet terugnemen wat
              eerder te zien was, een lossere zou prijsgeven wat eerder afgeschermd was.
            </Paragraph>
          </>
        ) : (
          POLICIES.map((policy) => (
            <div key={policy} className="utrecht-form-field utrecht-form-field--radio">
              <div className="utrecht-form-field__input">
                <input
                  type="radio"
                  id={`beleid-${policy}`}
                  name="beleid"
                  value={policy}
                  defaultChecked={policy === DEFAULT_POLICY}
                  aria-describedby={`beleid-${policy}-uitleg`}
                  className="utrecht-radio-button utrecht-radio-button--html-input"
                />
              </div>
              <div className="utrecht-form-field__label">
                <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`beleid-${policy}`}>
                  {policyLabel(policy, threshold)}
                </label>
              </div>
              <div className="utrecht-form-field-description" id={`beleid-${policy}-uitleg`}>
                {policyDescription(policy, threshold)}
              </div>
            </div>
          ))
        )}
      </fieldset>
      <div className="utrecht-form-field utrecht-form-field--checkbox">
        <div className="utrecht-form-field__input">
          <input type="checkbox" id="regios" name="regios" value="ja" aria-describedby="regios-uitleg" className="utrecht-checkbox utrecht-checkbox--html-input" />
        </div>
        <div className="utrecht-form-field__label">
          <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor="regios">
            Regionamen tonen in deze publicatie
          </label>
        </div>
        <div className="utrecht-form-field-description" id="regios-uitleg">
          Alleen aanvinken als de regio&apos;s daarmee hebben ingestemd. Zonder regionamen staat er geen uitsplitsing naar regio in.
        </div>
      </div>
      <Button type="submit" appearance="primary-action">
        Voorbeeld van versie {nextVersion} bekijken
      </Button>
    </Form>
  );
}
