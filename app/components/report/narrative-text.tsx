import { Fragment } from "react";
import { blocksOf, type Span } from "~/domain/report-narrative";

function Spans({ spans }: { spans: Span[] }) {
  return (
    <>
      {spans.map((span, index) => (
        <Fragment key={index}>{span.bold ? <strong>{span.text}</strong> : span.text}</Fragment>
      ))}
    </>
  );
}

/** The intermediary's text with its simple formatting, as elements: typed markup stays text. */
export function NarrativeText({ text }: { text: string }) {
  return (
    <>
      {blocksOf(text).map((block, index) => {
        if (block.kind === "paragraph") {
          return (
            <p key={index} className="utrecht-paragraph">
              <Spans spans={block.spans} />
            </p>
          );
        }
        const List = block.kind === "bullets" ? "ul" : "ol";
        return (
          <List key={index} className={block.kind === "bullets" ? "utrecht-unordered-list" : "utrecht-ordered-list"}>
            {block.items.map((item, itemIndex) => (
              <li key={itemIndex} className={block.kind === "bullets" ? "utrecht-unordered-list__item" : "utrecht-ordered-list__item"}>
                <Spans spans={item} />
              </li>
            ))}
          </List>
        );
      })}
    </>
  );
}
