// Registry of HTTP source adapters by type. Each platform lives in its own file.
import type { HttpSourceAdapter } from '../source-adapter';

const adapters = new Map<string, HttpSourceAdapter>();

export function registerAdapter<C, S>(adapter: HttpSourceAdapter<C, S>): void {
  adapters.set(adapter.type, adapter as unknown as HttpSourceAdapter);
}

export function adapterFor(type: string): HttpSourceAdapter | null {
  return adapters.get(type) ?? null;
}

export function adapterTypes(): string[] {
  return [...adapters.keys()].sort();
}
