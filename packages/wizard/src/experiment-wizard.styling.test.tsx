import { createInMemoryAdapters, demoWorld } from "@flagsmith-experimentation/adapters/testing";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ExperimentWizard } from "./experiment-wizard";

const today = new Date(2026, 2, 1);

describe("ExperimentWizard locale and host styling", () => {
  it("renders with a POSIX-style locale (en_US) instead of throwing a RangeError", async () => {
    const adapters = createInMemoryAdapters({ ...demoWorld, now: () => today });
    render(<ExperimentWizard adapters={adapters} today={today} locale="en_US" />);
    expect(await screen.findByRole("heading", { level: 2, name: "Experiment Details" })).toBeInTheDocument();
    expect(screen.getByText("Planned duration: 15 days.")).toBeInTheDocument();
  });

  it("renders with a locale Intl rejects", async () => {
    const adapters = createInMemoryAdapters({ ...demoWorld, now: () => today });
    render(<ExperimentWizard adapters={adapters} today={today} locale="not a locale" />);
    expect(await screen.findByRole("heading", { level: 2, name: "Experiment Details" })).toBeInTheDocument();
  });

  it("puts the host's className and style on its outermost element, next to the kit's root class", () => {
    const adapters = createInMemoryAdapters({ ...demoWorld, now: () => today });
    const { container } = render(
      <ExperimentWizard
        adapters={adapters}
        today={today}
        className="host-wizard"
        style={{ "--color-text-action": "#0b8bb2" } as React.CSSProperties}
      />,
    );
    const root = container.firstElementChild as HTMLElement;
    expect(root).toHaveClass("fx-root", "host-wizard");
    expect(root.style.getPropertyValue("--color-text-action")).toBe("#0b8bb2");
  });
});
