// `vigie analyze [--json]`: one text per line on stdin → one JSON object per line on stdout, in order:
//   {"lang":"fr","sentiment":-0.6,"label":"negative","toxicity":0.8,"reasons":["insult"],"crisisTerms":[]}
// The same analyzer as the ingest pipeline (main/core/analysis), with no store and no network. Lines
// are read as they come, so a large file streams through in constant memory. The output is JSON lines
// with or without --json (the flag is accepted so scripts can say what they expect).
import readline from 'node:readline';
import { analyzeCli } from '../core/analysis/index';
import type { Flags } from './core-session';

export async function analyzeCommand(flags: Flags): Promise<void> {
  void flags;
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const [record] = analyzeCli([line]);
    if (!process.stdout.write(JSON.stringify(record) + '\n')) {
      await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
    }
  }
}
