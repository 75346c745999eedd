import { Children, isValidElement, type ReactElement, type ReactNode } from "react";
import { ListItem } from "./task-list";

type FolderProps = {
  name?: ReactNode;
  defaultOpen?: boolean;
  /** Nextra's spelling of defaultOpen. */
  open?: boolean;
  /** Mintlify: false draws a folder that does not open or close. */
  openable?: boolean;
  highlight?: boolean;
  children?: ReactNode;
};
type FileProps = { name?: ReactNode; highlight?: boolean; active?: boolean };

/** A folder in a file tree: a native disclosure, so it opens by keyboard and without JavaScript. */
function Folder({ name, defaultOpen, open, openable = true, highlight, children }: FolderProps) {
  const label = (
    <span className={`fh-tree__name${highlight ? " fh-tree__name--highlight" : ""}`}>{name}</span>
  );
  const items = <ul className="fh-tree__group">{children}</ul>;
  if (!openable) {
    return (
      <li className="fh-tree__folder fh-tree__folder--fixed">
        <span className="fh-tree__row">{label}</span>
        {items}
      </li>
    );
  }
  return (
    <li className="fh-tree__folder">
      <details open={defaultOpen || open || undefined}>
        <summary className="fh-tree__row">{label}</summary>
        {items}
      </details>
    </li>
  );
}

function File({ name, highlight, active }: FileProps) {
  const marked = highlight || active;
  return (
    <li className="fh-tree__file">
      <span className="fh-tree__row">
        <span
          className={`fh-tree__name${marked ? " fh-tree__name--highlight" : ""}`}
          aria-current={active ? "true" : undefined}
        >
          {name}
        </span>
      </span>
    </li>
  );
}

type ElementWithChildren = ReactElement<{ children?: ReactNode }>;
const elementsOf = (children: ReactNode) =>
  Children.toArray(children).filter((child): child is ElementWithChildren => isValidElement(child));

function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return "";
}

/**
 * Mintlify's Markdown-list trees: each list item is a file, or a folder when its name ends in `/` or
 * it holds a nested list; names lose their inline formatting.
 */
function treeFromList(list: ElementWithChildren): ReactNode[] {
  return (
    elementsOf(list.props.children)
      // Markdown's list items come through the checklist-aware ListItem.
      .filter((item) => item.type === "li" || item.type === ListItem)
      .map((item, index) => {
        const parts = Children.toArray(item.props.children);
        const nested = parts.filter(
          (part): part is ElementWithChildren =>
            isValidElement(part) && (part.type === "ul" || part.type === "ol"),
        );
        const name = parts
          .filter((part) => !nested.includes(part as ElementWithChildren))
          .map(textOf)
          .join("")
          .trim();
        const isFolder = nested.length > 0 || name.endsWith("/");
        if (!isFolder) return <File key={index} name={name} />;
        return (
          <Folder key={index} name={name.replace(/\/$/, "")} defaultOpen={nested.length > 0}>
            {nested.flatMap(treeFromList)}
          </Folder>
        );
      })
  );
}

function TreeRoot({ children }: { children?: ReactNode }) {
  const items = elementsOf(children).flatMap((child) =>
    child.type === "ul" || child.type === "ol" ? treeFromList(child) : [child],
  );
  return (
    <div className="fh-tree" role="group" aria-label="File tree">
      <ul className="fh-tree__group fh-tree__group--root">{items}</ul>
    </div>
  );
}

/** Mintlify's `Tree` and its alias `FileTree`, and Nextra's `FileTree`, each with `.Folder` and `.File`. */
export const Tree = Object.assign(TreeRoot, { Folder, File });
export const FileTree = Object.assign(
  function FileTree(props: { children?: ReactNode }) {
    return <TreeRoot {...props} />;
  },
  { Folder, File },
);
