// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { renderToString } from "react-dom/server";
import { Tab, Tabs } from "./tabs";

afterEach(cleanup);

const tabs = (
  <Tabs>
    <Tab title="NetSuite">Enable token auth.</Tab>
    <Tab title="Xero">Connect the app.</Tab>
  </Tabs>
);

test("without JavaScript every panel is rendered, each under its label", () => {
  const html = renderToString(tabs);
  expect(html).toContain("NetSuite</p>Enable token auth.");
  expect(html).toContain("Xero</p>Connect the app.");
  expect(html).not.toContain('role="tablist"');
});

test("after hydration the panels become an accessible tablist", () => {
  render(tabs);
  const [netsuite, xero] = screen.getAllByRole("tab");
  expect(netsuite).toHaveAttribute("aria-selected", "true");
  expect(screen.getByRole("tabpanel")).toHaveTextContent("Enable token auth.");
  fireEvent.click(xero);
  expect(screen.getByRole("tabpanel")).toHaveTextContent("Connect the app.");
  fireEvent.keyDown(xero, { key: "ArrowRight" });
  expect(netsuite).toHaveAttribute("aria-selected", "true");
  expect(netsuite).toHaveFocus();
});
