/**
 * What a piece of UI means for the user, as the `data-tone` attribute that styles hook into:
 * severities (`info`, `success`, `warning`, `danger`) and the outcome of a lift (`better`, `worse`, `neutral`).
 */
export type Tone = "info" | "success" | "warning" | "danger" | "better" | "worse" | "neutral";
