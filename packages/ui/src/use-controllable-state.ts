import { useControllableState as useRadixControllableState } from "@radix-ui/react-use-controllable-state";

/**
 * The kit's one controlled/uncontrolled pattern (`value` / `defaultValue` / `onValueChange`), as in Radix: a
 * component is controlled when `prop` is defined, and `onChange` is called on every change either way.
 */
export function useControllableState<T>({
  prop,
  defaultProp,
  onChange,
  caller,
}: {
  prop?: T | undefined;
  defaultProp: T;
  onChange?: ((value: T) => void) | undefined;
  /** The component's name, for the warning when it switches between controlled and uncontrolled. */
  caller: string;
}): [T, (value: T) => void] {
  const [value, setValue] = useRadixControllableState<T>({ prop, defaultProp, onChange, caller });
  return [value, setValue as (value: T) => void];
}
