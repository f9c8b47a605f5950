/**
 * The checks of Django REST framework's fields, with DRF's own messages, for the request bodies the replay
 * accepts. Each returns the parsed value or collects `field → messages` the way a serializer's
 * `to_internal_value` does.
 */
import { asFloat, asInteger, isRecord, REQUIRED } from "./http";

export type Errors = Record<string, unknown>;

export interface FieldOptions {
  required?: boolean;
  allowNull?: boolean;
}

function missing(data: Record<string, unknown>, name: string, errors: Errors, options: FieldOptions): boolean {
  if (!(name in data) || data[name] === undefined) {
    if (options.required !== false) errors[name] = [REQUIRED];
    return true;
  }
  if (data[name] === null) {
    if (!options.allowNull) errors[name] = ["This field may not be null."];
    return true;
  }
  return false;
}

/** `CharField` (`allow_blank=False` unless `allowBlank`). */
export function charField(
  data: Record<string, unknown>,
  name: string,
  errors: Errors,
  options: FieldOptions & { maxLength?: number; allowBlank?: boolean } = {},
): string | undefined {
  if (missing(data, name, errors, options)) return undefined;
  const value = data[name];
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
    errors[name] = ["Not a valid string."];
    return undefined;
  }
  const text = String(value).trim();
  if (text === "" && !options.allowBlank) {
    errors[name] = ["This field may not be blank."];
    return undefined;
  }
  if (options.maxLength !== undefined && text.length > options.maxLength) {
    errors[name] = [`Ensure this field has no more than ${options.maxLength} characters.`];
    return undefined;
  }
  return text;
}

export function booleanField(
  data: Record<string, unknown>,
  name: string,
  errors: Errors,
  options: FieldOptions = {},
): boolean | undefined {
  if (missing(data, name, errors, options)) return undefined;
  const value = data[name];
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "True" || value === 1 || value === "1") return true;
  if (value === "false" || value === "False" || value === 0 || value === "0") return false;
  errors[name] = ["Must be a valid boolean."];
  return undefined;
}

export function integerField(
  data: Record<string, unknown>,
  name: string,
  errors: Errors,
  options: FieldOptions & { min?: number } = {},
): number | undefined {
  if (missing(data, name, errors, options)) return undefined;
  const value = asInteger(data[name]);
  if (value === undefined) {
    errors[name] = ["A valid integer is required."];
    return undefined;
  }
  if (options.min !== undefined && value < options.min) {
    errors[name] = [`Ensure this value is greater than or equal to ${options.min}.`];
    return undefined;
  }
  return value;
}

export function floatField(
  data: Record<string, unknown>,
  name: string,
  errors: Errors,
  options: FieldOptions & { min?: number; max?: number } = {},
): number | undefined {
  if (missing(data, name, errors, options)) return undefined;
  const value = asFloat(data[name]);
  if (value === undefined) {
    errors[name] = ["A valid number is required."];
    return undefined;
  }
  if (options.min !== undefined && value < options.min) {
    errors[name] = [`Ensure this value is greater than or equal to ${options.min}.`];
    return undefined;
  }
  if (options.max !== undefined && value > options.max) {
    errors[name] = [`Ensure this value is less than or equal to ${options.max}.`];
    return undefined;
  }
  return value;
}

export function choiceField<T extends string>(
  data: Record<string, unknown>,
  name: string,
  choices: readonly T[],
  errors: Errors,
  options: FieldOptions = {},
): T | undefined {
  if (missing(data, name, errors, options)) return undefined;
  const value = data[name];
  if (typeof value === "string" && (choices as readonly string[]).includes(value)) return value as T;
  errors[name] = [`"${String(value)}" is not a valid choice.`];
  return undefined;
}

/** `PrimaryKeyRelatedField`: an integer key of an existing row. */
export function primaryKeyField(
  data: Record<string, unknown>,
  name: string,
  exists: (id: number) => boolean,
  errors: Errors,
  options: FieldOptions = {},
): number | undefined {
  if (missing(data, name, errors, options)) return undefined;
  const raw = data[name];
  if (typeof raw === "boolean" || (typeof raw !== "number" && typeof raw !== "string")) {
    errors[name] = [
      `Incorrect type. Expected pk value, received ${Array.isArray(raw) ? "list" : typeof raw === "boolean" ? "bool" : "dict"}.`,
    ];
    return undefined;
  }
  const id = asInteger(raw);
  if (id === undefined || !exists(id)) {
    errors[name] = [`Invalid pk "${String(raw)}" - object does not exist.`];
    return undefined;
  }
  return id;
}

/** A nested serializer: a dictionary, checked by `parse`; its errors nest under `name`. */
export function nestedField<T>(
  data: Record<string, unknown>,
  name: string,
  parse: (value: Record<string, unknown>, errors: Errors) => T | undefined,
  errors: Errors,
  options: FieldOptions = {},
): T | undefined {
  if (missing(data, name, errors, options)) return undefined;
  const value = data[name];
  if (!isRecord(value)) {
    errors[name] = {
      non_field_errors: [
        `Invalid data. Expected a dictionary, but got ${Array.isArray(value) ? "list" : typeof value === "string" ? "str" : typeof value}.`,
      ],
    };
    return undefined;
  }
  const nested: Errors = {};
  const parsed = parse(value, nested);
  if (Object.keys(nested).length > 0) {
    errors[name] = nested;
    return undefined;
  }
  return parsed;
}

/** A `many=True` nested serializer: a list of dictionaries; errors are a list aligned with the items. */
export function nestedListField<T>(
  data: Record<string, unknown>,
  name: string,
  parse: (value: Record<string, unknown>, errors: Errors) => T | undefined,
  errors: Errors,
  options: FieldOptions = {},
): T[] | undefined {
  if (missing(data, name, errors, options)) return undefined;
  const value = data[name];
  if (!Array.isArray(value)) {
    errors[name] = {
      non_field_errors: [`Expected a list of items but got type "${isRecord(value) ? "dict" : typeof value}".`],
    };
    return undefined;
  }
  const results: T[] = [];
  const itemErrors: Errors[] = [];
  for (const item of value) {
    const nested: Errors = {};
    if (!isRecord(item)) {
      nested.non_field_errors = ["Invalid data. Expected a dictionary, but got str."];
    } else {
      const parsed = parse(item, nested);
      if (parsed !== undefined && Object.keys(nested).length === 0) results.push(parsed);
    }
    itemErrors.push(nested);
  }
  if (itemErrors.some((e) => Object.keys(e).length > 0)) {
    errors[name] = itemErrors;
    return undefined;
  }
  return results;
}
