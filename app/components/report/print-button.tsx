import { Button } from "~/components/ui/button";

/**
 * The browser's own print turns the report into a PDF ("Opslaan als PDF") with the A4 print stylesheet: the same
 * HTML as on screen, nothing rendered twice. Without JavaScript the hint says which keys do the same.
 */
export function PrintButton() {
  return (
    <span className="rd-print-action">
      <Button type="button" appearance="secondary-action" onClick={() => window.print()}>
        PDF of afdrukken
      </Button>
      <span className="rd-hint">Kies in het afdrukvenster “Opslaan als PDF” (Ctrl+P of ⌘P).</span>
    </span>
  );
}
