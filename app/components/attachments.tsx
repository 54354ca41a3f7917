import type { SubmissionResult } from "@conform-to/react";
import { useRouteLoaderData } from "@remix-run/react";
import type { loader as rootLoader } from "~/root";
import { Fold } from "./fold";
import { Heading, ListItem, Paragraph, UnorderedList } from "./ui/text";
import { UploadForm } from "./upload-form";
import { formatDateTime } from "~/domain/dates-nl";
import { KEPT_FILE_LABELS } from "~/domain/file-type";
import type { uploadSchema } from "~/domain/upload-form";

type Result = SubmissionResult<string[]> | undefined;
type KeptFile = { id: number; name: string; size: number; addedAt: string };

const SIZE = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 1 });

function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${SIZE.format(Math.max(1, bytes / 1024))} kB` : `${SIZE.format(bytes / (1024 * 1024))} MB`;
}

/**
 * The files kept with a record (a signal, a trajectory, a milestone), each a download link (audited on the server),
 * and for whoever may add one (`upload` given) the fold to add a file. `hidden` names the record when one page holds
 * several (a region's milestones).
 */
export function AttachmentList({
  files,
  hrefOf,
  upload,
  lastResult,
}: {
  files: readonly KeptFile[];
  hrefOf: (fileId: number) => string;
  upload?: { id: string; schema: ReturnType<typeof uploadSchema>; hidden?: Record<string, string> };
  lastResult: Result;
}) {
  const limit = useRouteLoaderData<typeof rootLoader>("root")?.fileLimit;
  return (
    <>
      {files.length === 0 ? <Paragraph>Nog geen bijlagen.</Paragraph> : null}
      <UnorderedList>
        {files.map((file) => (
          <ListItem key={file.id}>
            <a className="utrecht-link" href={hrefOf(file.id)} download>
              {file.name}
            </a>{" "}
            <span className="rd-muted">
              ({sizeText(file.size)}, bewaard op {formatDateTime(file.addedAt)})
            </span>
          </ListItem>
        ))}
      </UnorderedList>
      {upload ? (
        <Fold summary="Bestand toevoegen" open={lastResult !== undefined}>
          <p className="utrecht-paragraph">
            {KEPT_FILE_LABELS}, tot {limit}. Het bestand wordt versleuteld bewaard.
          </p>
          <UploadForm id={`${upload.id}-${files.reduce((max, f) => Math.max(max, f.id), 0)}`} schema={upload.schema} submitLabel="Bestand bewaren" lastResult={lastResult} kind="attachment" hidden={upload.hidden} />
        </Fold>
      ) : null}
    </>
  );
}

/** A page's section of kept files ("Bijlagen"), confidential like the record's text. */
export function AttachmentsSection(props: Parameters<typeof AttachmentList>[0]) {
  return (
    <section id="bijlagen" className="rd-section rd-confidential" aria-labelledby="attachments-heading">
      <Heading level={2} id="attachments-heading">
        Bijlagen
      </Heading>
      <AttachmentList {...props} />
    </section>
  );
}
