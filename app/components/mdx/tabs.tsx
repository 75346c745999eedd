import { Children, isValidElement, type ReactElement, type ReactNode } from "react";
import { TabSet } from "./tab-set";

type TabProps = {
  title?: ReactNode;
  label?: ReactNode;
  value?: string;
  default?: boolean;
  children?: ReactNode;
};

/** One panel of <Tabs> (Mintlify `Tab`, Docusaurus `TabItem`, Nextra `Tabs.Tab`); Tabs draws the label. */
export function Tab({ children }: TabProps) {
  return <>{children}</>;
}

function TabsRoot({
  children,
  items,
  defaultIndex,
  defaultValue,
}: {
  children?: ReactNode;
  /** Nextra passes the labels as a list. */
  items?: ReactNode[];
  defaultIndex?: number;
  defaultValue?: string;
}) {
  const panels = Children.toArray(children).filter((child): child is ReactElement<TabProps> =>
    isValidElement(child),
  );
  const labels = panels.map(
    (panel, index) =>
      items?.[index] ??
      panel.props.title ??
      panel.props.label ??
      panel.props.value ??
      `Tab ${index + 1}`,
  );
  const byDefault = panels.findIndex(
    (panel) =>
      panel.props.default === true ||
      (defaultValue !== undefined && panel.props.value === defaultValue),
  );
  return (
    <TabSet
      labels={labels}
      panels={panels}
      initial={byDefault === -1 ? (defaultIndex ?? 0) : byDefault}
    />
  );
}

export const Tabs = Object.assign(TabsRoot, { Tab });
export const TabItem = Tab;
