import resultsCss from "@flagsmith-experimentation/results-dashboard/styles.css?inline";
import wizardCss from "@flagsmith-experimentation/wizard/styles.css?inline";
import { afterEach, describe, expect, it } from "vitest";

/**
 * The kit's stylesheets in a host page: elements outside the kit's root keep exactly the styles they had — above all
 * the focus ring of the host's own inputs (WCAG 2.4.7). Elements inside the root are styled.
 */
const HOST_PAGE = `
  <main class="host dark">
    <h2>Host form</h2>
    <p>Some text with <a href="#x">a link</a>.</p>
    <label>Name <input id="host-text" type="text"></label>
    <label>Date <input id="host-date" type="date"></label>
    <label>Amount <input id="host-number" type="number"></label>
    <label>Note <textarea id="host-textarea"></textarea></label>
    <label>Pick <select id="host-select"><option>a</option></select></label>
    <input id="host-checkbox" type="checkbox" aria-label="Agree">
    <button id="host-button" type="button">Host button</button>
    <table><caption>Host table</caption><tr><th>h</th><td>d</td></tr></table>
    <dialog>Host dialog</dialog>
    <fieldset><legend>Host legend</legend></fieldset>
  </main>
  <div class="fx-root fx-wizard"><input id="kit-input" type="text" aria-label="Kit input"><button class="fx-button" type="button">Kit</button></div>
`;

const WATCHED = [
  "outline-style",
  "outline-width",
  "outline-color",
  "outline-offset",
  "box-shadow",
  "border-top-style",
  "border-top-width",
  "border-top-color",
  "border-radius",
  "padding-top",
  "padding-left",
  "margin-top",
  "width",
  "min-height",
  "color",
  "background-color",
  "font-weight",
  "font-size",
  "line-height",
  "box-sizing",
  "color-scheme",
  "position",
  "display",
];

function hostElements(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>("main.host, main.host *")];
}

function snapshot(): Record<string, string>[] {
  return hostElements().map((element) => {
    const style = getComputedStyle(element);
    return Object.fromEntries(WATCHED.map((property) => [property, style.getPropertyValue(property)]));
  });
}

function focusSnapshot(id: string) {
  const element = document.getElementById(id) as HTMLElement;
  element.focus();
  const style = getComputedStyle(element);
  const result = {
    matchesFocusVisible: element.matches(":focus-visible"),
    outlineStyle: style.outlineStyle,
    outlineWidth: style.outlineWidth,
    outlineColor: style.outlineColor,
  };
  element.blur();
  return result;
}

afterEach(() => {
  document.body.innerHTML = "";
  for (const style of document.head.querySelectorAll("style[data-kit]")) style.remove();
});

describe.each([
  ["wizard", wizardCss],
  ["results-dashboard", resultsCss],
])("%s/styles.css in a host page", (_, css) => {
  it("leaves every host element's computed style untouched", () => {
    document.body.innerHTML = HOST_PAGE;
    const before = snapshot();
    const style = document.createElement("style");
    style.dataset.kit = "";
    style.textContent = css;
    document.head.append(style);
    expect(snapshot()).toEqual(before);
  });

  it("keeps the host inputs' focus ring", () => {
    document.body.innerHTML = HOST_PAGE;
    const ids = [
      "host-text",
      "host-date",
      "host-number",
      "host-textarea",
      "host-select",
      "host-checkbox",
      "host-button",
    ];
    const before = ids.map(focusSnapshot);
    const style = document.createElement("style");
    style.dataset.kit = "";
    style.textContent = css;
    document.head.append(style);
    const after = ids.map(focusSnapshot);
    expect(after).toEqual(before);
    // The browser draws a ring for the focused host input (nothing removed it).
    expect(after[0]?.outlineStyle).not.toBe("none");
  });

  it("styles what is inside the kit's root", () => {
    document.body.innerHTML = HOST_PAGE;
    const input = document.getElementById("kit-input") as HTMLElement;
    const unstyled = getComputedStyle(input).borderTopLeftRadius;
    const style = document.createElement("style");
    style.dataset.kit = "";
    style.textContent = css;
    document.head.append(style);
    expect(getComputedStyle(input).borderTopLeftRadius).not.toBe(unstyled);
    expect(getComputedStyle(input).borderTopLeftRadius).toBe("6px");
  });
});
