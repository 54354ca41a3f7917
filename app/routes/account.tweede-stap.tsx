import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AppForm, TextField } from "~/components/form";
import { Alert } from "~/components/ui/alert";
import { ButtonLink } from "~/components/ui/button";
import { Heading, ListItem, Paragraph, UnorderedList } from "~/components/ui/text";
import { groupInBlocks, totpUri } from "~/domain/totp";
import { confirmEnrolment, enrolmentKey, unusedRecoveryCodes } from "~/models/second-factor.server";
import { readForm, replyWithError } from "~/utils/form.server";
import { needsSecondFactorEnrolment, requireUser } from "~/auth/guard.server";
import { qrCodeSvg } from "~/utils/qr-code.server";
import { actorOf } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Tweestapsverificatie · Rode Draad" }];

const schema = z.object({
  code: z.string({ required_error: "Vul de code van zes cijfers uit de app in." }).trim().max(20, "Deze code is te lang."),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "any", { enrolmentPage: true });
  if (user.secondFactor) return { enrolled: true as const, unused: unusedRecoveryCodes(user.id) };
  const key = enrolmentKey(user.id);
  return {
    enrolled: false as const,
    required: needsSecondFactorEnrolment(user),
    key: groupInBlocks(key),
    qrSvg: await qrCodeSvg(totpUri(key, user.email)),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, "any", { enrolmentPage: true });
  const { submission } = await readForm(request, schema);
  if (submission.status !== "success") return data({ result: replyWithError(submission), recoveryCodes: null }, { status: 400 });
  try {
    const recoveryCodes = await confirmEnrolment(user.id, submission.value.code, actorOf(user, context));
    return { result: null, recoveryCodes };
  } catch (error) {
    return data({ result: replyWithError(submission, error), recoveryCodes: null }, { status: 400 });
  }
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <section className="rd-section" aria-labelledby="recovery-heading">
      <Alert type="ok">Tweestapsverificatie is ingesteld. Voortaan vraagt Rode Draad na uw wachtwoord om een code uit de app.</Alert>
      <Heading level={1} id="recovery-heading">
        Bewaar uw herstelcodes
      </Heading>
      <Paragraph>
        Met een herstelcode logt u in als u uw telefoon kwijt bent of de app niet werkt. Elke code werkt één keer.{" "}
        <strong>Deze codes ziet u alleen nu.</strong> Print ze of bewaar ze in uw wachtwoordbeheerder, niet op dezelfde telefoon.
      </Paragraph>
      <ol className="rd-recovery-codes" aria-label="Herstelcodes" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <Paragraph>
        <ButtonLink to="/" appearance="primary-action">
          Ik heb de codes bewaard
        </ButtonLink>
      </Paragraph>
    </section>
  );
}

function Enrolment({ required, keyText, qrSvg }: { required: boolean; keyText: string; qrSvg: string }) {
  const answer = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "enrol",
    lastResult: answer?.result ?? undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldValidate: "onSubmit",
  });
  return (
    <section className="rd-section">
      <Heading level={1}>Tweestapsverificatie instellen</Heading>
      {required ? (
        <Paragraph lead>Voor uw rol is tweestapsverificatie verplicht. Stel die eerst in; daarna kunt u verder.</Paragraph>
      ) : null}
      <Paragraph>Na uw wachtwoord vraagt Rode Draad dan om een code die elke 30 seconden verandert, uit een app op uw telefoon.</Paragraph>
      <Heading level={2}>1. Voeg Rode Draad toe aan uw authenticator-app</Heading>
      <Paragraph>
        Gebruik een app die tijdgebonden codes (TOTP) maakt, zoals de authenticator van uw telefoon of wachtwoordbeheerder. Scan de QR-code
        of typ de sleutel over.
      </Paragraph>
      <div className="rd-qr" role="img" aria-label="QR-code om Rode Draad toe te voegen aan uw authenticator-app" dangerouslySetInnerHTML={{ __html: qrSvg }} />
      <UnorderedList>
        <ListItem>
          Sleutel: <span className="rd-key" data-testid="totp-key">{keyText}</span>
        </ListItem>
        <ListItem>Soort: tijdgebonden, 6 cijfers, elke 30 seconden</ListItem>
      </UnorderedList>
      <Heading level={2}>2. Vul de code uit de app in</Heading>
      <AppForm form={form} submitLabel="Code controleren">
        <TextField field={fields.code} label="Code van zes cijfers" autoComplete="one-time-code" />
      </AppForm>
    </section>
  );
}

export default function SecondFactorPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  if (answer?.recoveryCodes) return <RecoveryCodes codes={answer.recoveryCodes} />;
  if (page.enrolled) {
    return (
      <section className="rd-section">
        <Heading level={1}>Tweestapsverificatie</Heading>
        <Paragraph>Tweestapsverificatie is ingesteld. U heeft nog {page.unused} ongebruikte herstelcode{page.unused === 1 ? "" : "s"}.</Paragraph>
        <Paragraph>
          Telefoon kwijt, of bijna geen herstelcodes meer? Vraag een beheerder om uw tweestapsverificatie te resetten; daarna stelt u die bij
          het inloggen opnieuw in.
        </Paragraph>
      </section>
    );
  }
  return <Enrolment required={page.required} keyText={page.key} qrSvg={page.qrSvg} />;
}
