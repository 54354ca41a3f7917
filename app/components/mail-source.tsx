import type { SubmissionResult } from "@conform-to/react";
import { Fold } from "./fold";
import { Alert } from "./ui/alert";
import { TextLink } from "./ui/text";
import { UploadForm } from "./upload-form";
import type { uploadSchema } from "~/domain/upload-form";

/**
 * Where a signal from an e-mail starts: a saved .eml or .msg fills in the intake below; nothing is saved until the
 * intermediary saves the signal, which then keeps the original message as its attachment.
 */
export function MailSource({
  mail,
  schema,
  lastResult,
}: {
  mail: { id: number; attachmentNames: string[] } | null;
  schema: ReturnType<typeof uploadSchema>;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  if (mail) {
    return (
      <Alert type="info" title="Ingevuld uit de e-mail">
        <p className="utrecht-paragraph">
          Controleer en vul aan; er is nog niets opgeslagen. Bij het vastleggen wordt het oorspronkelijke bericht als bijlage bij het signaal bewaard
          {mail.attachmentNames.length > 0 ? `, met de ${mail.attachmentNames.length === 1 ? "bijlage" : `${mail.attachmentNames.length} bijlagen`} erin (${mail.attachmentNames.join(", ")})` : ""}.
        </p>
        <p className="utrecht-paragraph">
          <TextLink to="/signalen/nieuw">Zonder deze e-mail beginnen</TextLink>
        </p>
      </Alert>
    );
  }
  return (
    <Fold summary="Uit een e-mail (.eml of .msg)" open={lastResult !== undefined}>
      <p className="utrecht-paragraph">Sleep een opgeslagen e-mail op deze pagina of kies het bestand; het formulier hieronder wordt ermee ingevuld.</p>
      <UploadForm id="mail-file" schema={schema} submitLabel="E-mail inlezen" lastResult={lastResult} kind="mail" dropOnPage />
    </Fold>
  );
}
