import type { ComponentProps, ReactNode } from "react";
import { Link as RemixLink } from "@remix-run/react";

type Level = 1 | 2 | 3 | 4;

export function Heading({ level, children, id }: { level: Level; children: ReactNode; id?: string }) {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} className={`utrecht-heading-${level}`}>
      {children}
    </Tag>
  );
}

export function Paragraph({ children, lead }: { children: ReactNode; lead?: boolean }) {
  return <p className={`utrecht-paragraph${lead ? " utrecht-paragraph--lead" : ""}`}>{children}</p>;
}

export function TextLink(props: ComponentProps<typeof RemixLink>) {
  return <RemixLink {...props} className={`utrecht-link utrecht-link--html-a ${props.className ?? ""}`.trim()} />;
}

export function UnorderedList({ children }: { children: ReactNode }) {
  return <ul className="utrecht-unordered-list">{children}</ul>;
}

export function ListItem({ children }: { children: ReactNode }) {
  return <li className="utrecht-unordered-list__item">{children}</li>;
}
