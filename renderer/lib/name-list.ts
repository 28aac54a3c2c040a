// A comma-separated list of people as typed in a field ("Claire Dubois, Maître Roux").

/** `list` ("a, b") with `name` added, or removed when it is there already (any case). */
export function toggleName(list: string, name: string): string {
  const names = list
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const key = name.toLocaleLowerCase();
  const kept = names.filter((n) => n.toLocaleLowerCase() !== key);
  return (kept.length === names.length ? [...names, name] : kept).join(', ');
}
