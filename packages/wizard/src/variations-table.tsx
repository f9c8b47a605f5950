import type { FlagValue, Variation } from "@flagsmith-experimentation/adapters";
import { Table } from "@flagsmith-experimentation/ui";
import { useWizardText } from "./wizard-text";

function formatFlagValue(value: FlagValue): string {
  return value === null ? "null" : String(value);
}

/** The chosen flag's variations: the control and the treatments the experiment compares. */
export function VariationsTable({ flagName, variations }: { flagName: string; variations: readonly Variation[] }) {
  const { messages } = useWizardText();
  return (
    <Table
      caption={messages.variationsCaption(flagName)}
      columns={[messages.variationColumn, messages.valueColumn, messages.roleColumn]}
      className="fx-wizard-variations"
    >
      <tbody>
        {variations.map((variation) => (
          <tr key={variation.key} data-control={variation.isControl || undefined}>
            <th scope="row">{variation.name}</th>
            <td>
              <code>{formatFlagValue(variation.value)}</code>
            </td>
            <td>{variation.isControl ? messages.controlRole : messages.treatmentRole}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
