// The error of a playbook or template file that cannot be used: every problem with its file, line
// and field, the message starting with "file:line:".
import { VigieError } from '../../errors';

export interface PlaybookIssue {
  file: string;
  /** 1-based; null when the problem is the file as a whole (unreadable, empty). */
  line: number | null;
  /** Dotted path of the field, e.g. "steps[3] (notify-cnil).owner"; null for syntax errors. */
  field: string | null;
  message: string;
}

const formatIssue = (i: PlaybookIssue): string =>
  `${i.file}${i.line !== null ? `:${i.line}` : ''}: ${i.field ? `${i.field}: ` : ''}${i.message}`;

/** A playbook or template file that cannot be used; `issues` lists every problem found in it. */
export class PlaybookError extends VigieError {
  readonly file: string;
  readonly line: number | null;
  readonly field: string | null;
  readonly issues: PlaybookIssue[];
  constructor(issues: PlaybookIssue[]) {
    const sorted = [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    const first = sorted[0]!;
    const more =
      issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    super('bad_playbook', formatIssue(first) + more);
    this.name = 'PlaybookError';
    this.issues = sorted;
    this.file = first.file;
    this.line = first.line;
    this.field = first.field;
  }
}
