/** The error text under a field; the field points at it with `aria-describedby` and sets `aria-invalid`. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="fe-wizard__field-error">
      {message}
    </p>
  );
}

/** Joins the ids of the descriptions that exist into an `aria-describedby` value. */
export function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const present = ids.filter((id): id is string => typeof id === "string" && id !== "");
  return present.length > 0 ? present.join(" ") : undefined;
}
