import type { ButtonHTMLAttributes, ComponentProps } from "react";
import { Link } from "@remix-run/react";

type Appearance = "primary-action" | "secondary-action" | "subtle";

export function Button({
  appearance = "primary-action",
  danger,
  type = "submit",
  className,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { appearance?: Appearance; danger?: boolean }) {
  const classes = ["utrecht-button", `utrecht-button--${appearance}`, danger ? "utrecht-button--danger" : "", className ?? ""];
  return <button type={type} className={classes.filter(Boolean).join(" ")} {...props} />;
}

export function ButtonLink({ appearance = "secondary-action", ...props }: ComponentProps<typeof Link> & { appearance?: Appearance }) {
  return <Link {...props} className={`utrecht-button-link utrecht-button-link--html-a utrecht-button-link--${appearance}`} />;
}

export function ButtonGroup({ children }: { children: React.ReactNode }) {
  return <div className="utrecht-button-group">{children}</div>;
}
