import { Admonition, Banner, Callout, Check, Danger, Info, Note, Tip, Warning } from "./callout";
import { Card, CardGroup, Cards, Column, Columns, DocCardList } from "./cards";
import { CodeBlock, CodeGroup, Pre, Table } from "./code-blocks";
import { Color } from "./color";
import { Accordion, AccordionGroup, Details, Expandable } from "./disclosure";
import { Panel, RequestExample, ResponseExample } from "./examples";
import { Heading, TOCInline } from "./headings";
import { Badge, Field, Icon, Tooltip } from "./inline";
import { Bleed, Frame, IdealImage, ImageZoom, ThemedImage, Video } from "./media";
import { Figure } from "./mermaid-figure";
import { Placeholder } from "./placeholder";
import { Prompt } from "./prompt";
import { Choice, Quiz } from "./quiz";
import { Step, Steps } from "./steps";
import { Tab, TabItem, Tabs } from "./tabs";
import { Input, ListItem } from "./task-list";
import { Term } from "./term";
import { GitHub, Tile } from "./tile";
import { FileTree, Tree } from "./tree";
import { Update } from "./update";
import { View, Visibility } from "./visibility";

/**
 * Every component an author may use, under the names Mintlify, Docusaurus and Nextra docs already use.
 * Anything else in content is replaced by <Placeholder> at compile time.
 */
export const mdxComponents = {
  Accordion,
  AccordionGroup,
  Admonition,
  Badge,
  Banner,
  Bleed,
  Callout,
  Card,
  CardGroup,
  Cards,
  Check,
  Choice,
  CodeBlock,
  CodeGroup,
  Color,
  Column,
  Columns,
  Danger,
  Details,
  DocCardList,
  Expandable,
  FileTree,
  Frame,
  GitHub,
  Heading,
  Icon,
  IdealImage,
  ImageZoom,
  Info,
  Note,
  Panel,
  ParamField: Field,
  Placeholder,
  Prompt,
  Quiz,
  RequestExample,
  ResponseExample,
  ResponseField: Field,
  Step,
  Steps,
  Tab,
  TabItem,
  Table,
  Tabs,
  TOCInline,
  Term,
  ThemedImage,
  Tile,
  Tip,
  Tooltip,
  Tree,
  Update,
  Video,
  View,
  Visibility,
  Warning,
  figure: Figure,
  input: Input,
  li: ListItem,
  pre: Pre,
  table: Table,
};

/** True for `Tabs` and for members such as `Tabs.Tab` that exist on a map component or namespace (`GitHub.Repo`). */
export function isKnownComponent(name: string) {
  const [root, ...members] = name.split(".");
  if (!/^[A-Z]/.test(root) || !Object.hasOwn(mdxComponents, root)) return false;
  let value: unknown = mdxComponents[root as keyof typeof mdxComponents];
  for (const member of members) {
    const holdsMembers =
      (typeof value === "function" || typeof value === "object") && value !== null;
    if (!holdsMembers || !Object.hasOwn(value as object, member)) return false;
    value = (value as unknown as Record<string, unknown>)[member];
  }
  return typeof value === "function";
}
