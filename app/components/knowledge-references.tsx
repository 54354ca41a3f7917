import { Heading, ListItem, UnorderedList } from "./ui/text";
import type { Reference } from "~/domain/knowledge";

/** The references of a published entry: only http(s) links become links, and they open without the referrer. */
export function ReferenceList({ references }: { references: readonly Reference[] }) {
  if (references.length === 0) return null;
  return (
    <>
      <Heading level={2}>Verwijzingen</Heading>
      <UnorderedList>
        {references.map((r, index) => (
          <ListItem key={index}>
            {r.url ? (
              <a className="utrecht-link" href={r.url} rel="noopener noreferrer">
                {r.label}
              </a>
            ) : (
              r.label
            )}
          </ListItem>
        ))}
      </UnorderedList>
    </>
  );
}
