import {
  Children,
  isValidElement,
  useEffect,
  useRef,
  useState,
  type ComponentPropsWithoutRef,
  type ReactNode,
} from "react";
import { documentNonce } from "~/utils/nonce";

type FigureProps = ComponentPropsWithoutRef<"figure"> & {
  "data-drawn-by"?: string;
  "data-diagram-id"?: string;
  "data-label"?: string;
};

/**
 * Every `<figure>` of a module. remark-mermaid marks a diagram beautiful-mermaid could not draw with
 * `data-drawn-by="browser"`: that one is drawn here, after hydration.
 */
export function Figure(props: FigureProps) {
  const { "data-drawn-by": drawnBy, "data-diagram-id": id, "data-label": label, ...rest } = props;
  if (drawnBy !== "browser" || !id) return <figure {...rest} />;
  return <MermaidFigure {...rest} data-drawn-by={drawnBy} id={id} label={label ?? "Diagram"} />;
}

const minimumDrawingWidth = 800;

type Drawing =
  | { state: "waiting" }
  | { state: "drawn"; svg: string }
  | { state: "failed"; error: string }
  /** The script that draws it did not load (offline, or a deploy replaced it). */
  | { state: "unavailable" };

function MermaidFigure({
  id,
  label,
  children,
  ...figure
}: FigureProps & { id: string; label: string }) {
  const parts = figureParts(children);
  const [drawing, setDrawing] = useState<Drawing>({ state: "waiting" });
  const figureRef = useRef<HTMLElement>(null);

  useEffect(() => {
    let current = true;
    import("./draw-mermaid").then(
      ({ drawMermaid }) =>
        drawMermaid({
          id: `${id}-svg`,
          source: parts.source,
          label,
          nonce: documentNonce(),
          // A gantt fills the width it is drawn at: on a phone it is drawn wider, to scroll.
          width: Math.max(figureRef.current?.clientWidth ?? 0, minimumDrawingWidth),
        }).then(
          (svg) => current && setDrawing({ state: "drawn", svg }),
          (error: unknown) => current && setDrawing({ state: "failed", error: firstLine(error) }),
        ),
      () => current && setDrawing({ state: "unavailable" }),
    );
    return () => {
      current = false;
    };
  }, [id, parts.source, label]);

  if (drawing.state === "drawn")
    return (
      <figure {...figure} ref={figureRef} data-drawn="true">
        {/* Focusable and named, so a keyboard can scroll a diagram wider than a phone. */}
        <div
          className="fh-diagram__canvas"
          role="region"
          aria-label={label}
          tabIndex={0}
          dangerouslySetInnerHTML={{ __html: drawing.svg }}
        />
        {parts.caption}
        <details className="fh-diagram__source">
          <summary className="fh-diagram__summary">Diagram source</summary>
          {parts.code}
        </details>
      </figure>
    );
  return (
    <figure {...figure} ref={figureRef}>
      {drawing.state === "failed" ? (
        <p className="fh-diagram__note">This diagram has an error: {drawing.error}</p>
      ) : drawing.state === "unavailable" ? (
        <p className="fh-diagram__note">This diagram could not be loaded; its source is below.</p>
      ) : (
        parts.note
      )}
      {parts.code}
      {parts.caption}
    </figure>
  );
}

/** The note, code block and caption remark-mermaid gave the figure, and the diagram's source text. */
function figureParts(children: ReactNode) {
  const parts: { note?: ReactNode; code?: ReactNode; caption?: ReactNode; source: string } = {
    source: "",
  };
  for (const child of Children.toArray(children)) {
    if (!isValidElement<{ className?: string; children?: ReactNode }>(child)) continue;
    const className = child.props.className ?? "";
    if (className.includes("fh-diagram__note")) parts.note = child;
    else if (className.includes("fh-diagram__caption")) parts.caption = child;
    else {
      parts.code = child;
      parts.source = textOf(child.props.children).replace(/\n$/, "");
    }
  }
  return parts;
}

function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return "";
}

function firstLine(error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0].trim().replace(/:$/, "") || "mermaid could not draw it";
}
