import {
  Children,
  isValidElement,
  type ComponentPropsWithoutRef,
  type ReactElement,
  type ReactNode,
} from "react";
import { TabSet } from "./tab-set";

type PreProps = ComponentPropsWithoutRef<"pre"> & {
  "data-title"?: string;
  "data-language"?: string;
};

/** Every fenced code block: highlighted at compile time, with the fence's title (or language) in a bar. */
export function Pre({
  "data-title": title,
  "data-language": language,
  children,
  ...rest
}: PreProps) {
  const label = title ?? language;
  return (
    <figure className="fh-code">
      {label ? (
        <figcaption className="fh-code__bar">
          <span className="fh-code__title">{title ?? ""}</span>
          {language ? <span className="fh-code__language">{language}</span> : null}
        </figcaption>
      ) : null}
      {/* Focusable, so a keyboard can scroll a long line into view. */}
      <pre {...rest} className="fh-code__pre" tabIndex={0}>
        {children}
      </pre>
    </figure>
  );
}

/** Docusaurus's `@theme/CodeBlock` (code as a string child); not highlighted, as it is built at render time. */
export function CodeBlock({
  language,
  title,
  filename,
  children,
}: {
  language?: string;
  title?: string;
  filename?: string;
  children?: ReactNode;
}) {
  return (
    <Pre data-title={title ?? filename} data-language={language}>
      <code className={language ? `hljs language-${language}` : "hljs"}>{children}</code>
    </Pre>
  );
}

/** Several code blocks as tabs named after each block's title. */
export function CodeGroup({ children }: { children?: ReactNode }) {
  const blocks = Children.toArray(children).filter(
    (child): child is ReactElement<PreProps & { title?: string }> => isValidElement(child),
  );
  const labels = blocks.map(
    (block, index) =>
      block.props["data-title"] ??
      block.props.title ??
      block.props["data-language"] ??
      `Example ${index + 1}`,
  );
  return <TabSet labels={labels} panels={blocks} className="fh-code-group" />;
}

/** Wide tables scroll sideways instead of stretching the page. */
function TableRoot(props: ComponentPropsWithoutRef<"table">) {
  return (
    <div className="fh-table">
      <table {...props} />
    </div>
  );
}

/** Also Nextra's `Table` with `Table.Tr`, `Table.Th` and `Table.Td`. */
export const Table = Object.assign(TableRoot, {
  Tr: (props: ComponentPropsWithoutRef<"tr">) => <tr {...props} />,
  Th: (props: ComponentPropsWithoutRef<"th">) => <th {...props} />,
  Td: (props: ComponentPropsWithoutRef<"td">) => <td {...props} />,
});
