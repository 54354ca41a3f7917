import { useEffect, useRef, type ReactNode } from "react";

/**
 * Fields folded away under a summary (a native <details>, so it works without JavaScript). A wrong field must not
 * stay hidden: the fold is open when the server found an error in it (`open`), and opens itself after a send that the
 * browser's own check stopped while one of its fields is marked invalid.
 */
export function Fold({ summary, open, children }: { summary: string; open: boolean; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const reveal = () => {
      // After the render that shows the errors.
      requestAnimationFrame(() => {
        if (ref.current?.querySelector('[aria-invalid="true"]')) ref.current.open = true;
      });
    };
    form.addEventListener("submit", reveal);
    return () => form.removeEventListener("submit", reveal);
  }, []);
  return (
    <details ref={ref} className="rd-details rd-fold" open={open || undefined}>
      <summary>{summary}</summary>
      <div className="rd-fold__body">{children}</div>
    </details>
  );
}
