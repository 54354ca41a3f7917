import type { ReactNode } from "react";

type AlertType = "info" | "ok" | "warning" | "error";

/** Errors and warnings are announced by screen readers as they appear; info and ok are read in document order. */
export function Alert({ type, children, title }: { type: AlertType; children: ReactNode; title?: string }) {
  const urgent = type === "error" || type === "warning";
  return (
    <div className={`utrecht-alert utrecht-alert--${type}`} role={urgent ? "alert" : "status"}>
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          {title ? <p className="utrecht-paragraph rd-alert-title">{title}</p> : null}
          {children}
        </div>
      </div>
    </div>
  );
}
