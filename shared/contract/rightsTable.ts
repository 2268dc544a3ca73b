/** The "Who may do what" table of docs/RELIABILITY.md, generated from the contract (a test keeps the two equal). */
import { methodNames, methods } from './api';
import { rights, type Right } from './rights';

const meaning: Readonly<Record<Right, string>> = {
  open: 'anyone at the device, before signing in',
  view: 'any signed-in profile',
  record: 'technician, installer, supervisor',
  install: 'installer, supervisor',
  supervise: 'supervisor',
};

export function rightsTable(): string {
  const rows = rights.map((right) => {
    const names = methodNames.filter((m) => methods[m].right === right).sort();
    return `| ${right} | ${meaning[right]} | ${names.map((n) => `\`${n}\``).join(', ')} |`;
  });
  return ['| right | who | methods |', '| --- | --- | --- |', ...rows].join('\n');
}
