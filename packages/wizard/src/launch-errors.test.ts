import { AdapterError } from "@flagsmith-experimentation/adapters";
import { describe, expect, it } from "vitest";
import { fieldErrorIssues } from "./launch-errors";

describe("fieldErrorIssues", () => {
  it("puts Flagsmith's 400 field errors on the wizard's fields, at the first step they concern", () => {
    const error = new AdapterError("invalid-request", undefined, {
      fieldErrors: {
        "experiment_rollout.rollout_percentage": ["Ensure this value is less than or equal to 100."],
        "metrics.0.metric": ["Invalid pk “9” - object does not exist."],
        non_field_errors: ["Something else."],
      },
    });
    expect(fieldErrorIssues(error)).toEqual({
      step: "metrics",
      issues: [{ field: "metrics", message: "Invalid pk “9” - object does not exist." }],
    });
  });

  it("reads the kit's own field names", () => {
    const error = new AdapterError("invalid-request", undefined, {
      fieldErrors: { rolloutPercentage: ["A segment needs a 100% rollout."], hypothesis: ["Required."] },
    });
    expect(fieldErrorIssues(error)).toEqual({
      step: "details",
      issues: [{ field: "hypothesis", message: "Required." }],
    });
    const rollout = new AdapterError("invalid-request", undefined, {
      fieldErrors: { rolloutPercentage: ["A segment needs a 100% rollout."] },
    });
    expect(fieldErrorIssues(rollout)).toEqual({
      step: "traffic",
      issues: [{ field: "rolloutPercentage", message: "A segment needs a 100% rollout." }],
    });
  });

  it("gives up when no error names a field the wizard edits", () => {
    expect(
      fieldErrorIssues(new AdapterError("invalid-request", undefined, { fieldErrors: { non_field_errors: ["No."] } })),
    ).toBeUndefined();
    expect(fieldErrorIssues(new AdapterError("invalid-request"))).toBeUndefined();
    expect(fieldErrorIssues(null)).toBeUndefined();
  });
});
