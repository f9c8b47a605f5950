import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  createI18nCatalogue,
  formatMessage,
  type I18nProps,
  I18nProvider,
  resolveMessages,
  useI18n,
  useI18nScope,
} from "./i18n";

const defaults = {
  notAvailable: "n/a",
  greeting: "Hello {name}",
  count: (n: number) => (n === 1 ? "1 item" : `${n} items`),
  words: ["more", "less"] as readonly string[],
};
const catalogue = createI18nCatalogue(defaults);

function Inner() {
  const { messages, format } = useI18n(catalogue);
  return (
    <p>
      {formatMessage(messages.greeting, { name: "Ada" })} · {messages.count(2)} · {format.count(12000)}
    </p>
  );
}

function Widget(props: I18nProps<typeof defaults> & { children?: React.ReactNode }) {
  const scope = useI18nScope(catalogue, props);
  return (
    <I18nProvider catalogue={catalogue} value={scope}>
      {props.children ?? <Inner />}
    </I18nProvider>
  );
}

describe("resolveMessages", () => {
  it("keeps the defaults for undefined, empty and wrongly typed overrides", () => {
    const resolved = resolveMessages(defaults, {
      greeting: "",
      // @ts-expect-error a host passing a string where a function is expected
      count: "many",
      words: undefined,
    });
    expect(resolved).toEqual(defaults);
  });

  it("applies overrides of the right type", () => {
    const resolved = resolveMessages(defaults, { greeting: "Hallo {name}", words: ["mehr"] });
    expect(resolved.greeting).toBe("Hallo {name}");
    expect(resolved.words).toEqual(["mehr"]);
  });
});

describe("the i18n provider", () => {
  it("renders with a POSIX locale such as en_US instead of throwing", () => {
    render(<Widget locale="en_US" />);
    expect(screen.getByText("Hello Ada · 2 items · 12,000")).toBeInTheDocument();
  });

  it("renders with a locale Intl rejects, in the runtime's locale", () => {
    render(<Widget locale="not a locale" />);
    expect(screen.getByText(/Hello Ada · 2 items/)).toBeInTheDocument();
  });

  it("formats for the given locale", () => {
    render(<Widget locale="de-DE" />);
    expect(screen.getByText("Hello Ada · 2 items · 12.000")).toBeInTheDocument();
  });

  it("lets a nested widget inherit messages and locale, and override its own", () => {
    render(
      <Widget locale="de-DE" messages={{ greeting: "Hallo {name}" }}>
        <Widget messages={{ count: (n) => `${n} Stück` }} />
      </Widget>,
    );
    expect(screen.getByText("Hallo Ada · 2 Stück · 12.000")).toBeInTheDocument();
  });

  it("falls back to the defaults outside any provider", () => {
    render(<Inner />);
    expect(screen.getByText(/Hello Ada · 2 items/)).toBeInTheDocument();
  });
});

const own = { farewell: "Goodbye {name}" };

/** A component with words of its own that the catalogue leaves out. */
function Own(props: I18nProps<typeof defaults & typeof own>) {
  const { messages } = useI18nScope(catalogue, props, own);
  return (
    <p>
      {formatMessage(messages.farewell, { name: "Ada" })} · {formatMessage(messages.greeting, { name: "Ada" })}
    </p>
  );
}

describe("a component's own words", () => {
  it("are added to the catalogue's, and hosts override both", () => {
    render(<Own messages={{ farewell: "Tschüss {name}", greeting: "Hallo {name}" }} />);
    expect(screen.getByText("Tschüss Ada · Hallo Ada")).toBeInTheDocument();
  });

  it("are there inside a provider too, under the messages it passes down", () => {
    render(
      <Widget messages={{ greeting: "Hallo {name}" }}>
        <Own />
      </Widget>,
    );
    expect(screen.getByText("Goodbye Ada · Hallo Ada")).toBeInTheDocument();
  });
});
