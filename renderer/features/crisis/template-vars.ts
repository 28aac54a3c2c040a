import type { CrisisCatalog } from '../../../shared/crisis-model';

type Template = CrisisCatalog['templates'][number];

/** Variables a person fills for this template: its own, and Vigie's that have no value right now. */
export function variablesToFill(template: Template, filled: Record<string, string>): string[] {
  const declared = template.variables.map((v) => v.name);
  const builtinsMissing = template.uses.filter((n) => !declared.includes(n) && !filled[n]);
  return [...new Set([...builtinsMissing, ...declared])].filter(
    (n) => template.uses.includes(n) || declared.includes(n),
  );
}
