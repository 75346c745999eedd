import { createContext, useContext, useId, type ComponentPropsWithoutRef } from "react";

// A GFM checklist's checkbox has no label of its own; its list item's text is what it stands for.
const TaskItemId = createContext<string | undefined>(undefined);

export function ListItem({ className, ...props }: ComponentPropsWithoutRef<"li">) {
  const id = useId();
  if (!className?.split(" ").includes("task-list-item"))
    return <li className={className} {...props} />;
  return (
    <TaskItemId.Provider value={id}>
      <li id={id} className={className} {...props} />
    </TaskItemId.Provider>
  );
}

export function Input(props: ComponentPropsWithoutRef<"input">) {
  const itemId = useContext(TaskItemId);
  const labelled = props.type === "checkbox" && itemId && !props["aria-label"];
  return <input {...props} aria-labelledby={labelled ? itemId : props["aria-labelledby"]} />;
}
