import { Accordion, AccordionGroup, Expandable } from "./disclosure";
import { Admonition, Callout, Check, Danger, Info, Note, Tip, Warning } from "./callout";
import { Card, CardGroup, Cards, Column, Columns } from "./cards";
import { CodeBlock, CodeGroup, Pre, Table } from "./code-blocks";
import { Badge, Field, Icon, Tooltip } from "./inline";
import { Frame, Video } from "./media";
import { Placeholder } from "./placeholder";
import { Choice, Quiz } from "./quiz";
import { Step, Steps } from "./steps";
import { Tab, TabItem, Tabs } from "./tabs";
import { Term } from "./term";

/**
 * Every component an author may use, under the names Mintlify, Docusaurus and Nextra docs already use.
 * Anything else in content is replaced by <Placeholder> at compile time.
 */
export const mdxComponents = {
  Accordion,
  AccordionGroup,
  Admonition,
  Badge,
  Callout,
  Card,
  CardGroup,
  Cards,
  Check,
  Choice,
  CodeBlock,
  CodeGroup,
  Column,
  Columns,
  Danger,
  Expandable,
  Frame,
  Icon,
  Info,
  Note,
  ParamField: Field,
  Placeholder,
  Quiz,
  ResponseField: Field,
  Step,
  Steps,
  Tab,
  TabItem,
  Tabs,
  Term,
  Tip,
  Tooltip,
  Video,
  Warning,
  pre: Pre,
  table: Table,
};

/** True for `Tabs` and for members such as `Tabs.Tab` that exist on a map component. */
export function isKnownComponent(name: string) {
  const [root, ...members] = name.split(".");
  if (!/^[A-Z]/.test(root) || !Object.hasOwn(mdxComponents, root)) return false;
  let value: unknown = mdxComponents[root as keyof typeof mdxComponents];
  for (const member of members) {
    if (typeof value !== "function" || !Object.hasOwn(value, member)) return false;
    value = (value as unknown as Record<string, unknown>)[member];
  }
  return typeof value === "function";
}
