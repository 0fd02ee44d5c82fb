/** The syntax of label keys and values, checked wherever a selector names them. */
import { SelectorError } from './SelectorError';

const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const MAX_LABEL_NAME_LENGTH = 63;
const MAX_LABEL_PREFIX_LENGTH = 253;

function isValidLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const name = slash === -1 ? key : key.slice(slash + 1);
  const prefix = slash === -1 ? undefined : key.slice(0, slash);
  const validName =
    name.length <= MAX_LABEL_NAME_LENGTH && LABEL_NAME.test(name);
  const validPrefix =
    prefix === undefined ||
    (prefix.length <= MAX_LABEL_PREFIX_LENGTH && DNS_SUBDOMAIN.test(prefix));
  return validName && validPrefix;
}

function isValidLabelValue(value: string): boolean {
  return (
    value === '' ||
    (value.length <= MAX_LABEL_NAME_LENGTH && LABEL_NAME.test(value))
  );
}

export function checkLabelKey(key: string, where: string): void {
  if (!isValidLabelKey(key)) {
    throw new SelectorError(
      `invalid label key "${key}" ${where}: must be an optional DNS subdomain prefix and "/", then 1-63 alphanumeric characters, "-", "_" or "."`,
    );
  }
}

export function checkLabelValue(value: string, where: string): void {
  if (!isValidLabelValue(value)) {
    throw new SelectorError(
      `invalid label value "${value}" ${where}: must be empty or 1-63 alphanumeric characters, "-", "_" or ".", starting and ending with an alphanumeric`,
    );
  }
}
