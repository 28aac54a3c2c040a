// Stores the members' NASA-TLX self-reports (table `tlx_reports`) and reads back the latest one.
import type { Database } from 'better-sqlite3';
import type { TlxReport } from './tlx-self-report';

export class TlxReportsRepo {
  constructor(private readonly db: Database) {}

  add(memberId: string, at: number, r: Omit<TlxReport, 'at'>): void {
    this.db
      .prepare(
        `INSERT INTO tlx_reports(member_id, at, mental, physical, temporal, performance, effort, frustration)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(memberId, at, r.mental, r.physical, r.temporal, r.performance, r.effort, r.frustration);
  }

  last(memberId: string): TlxReport | null {
    return (
      (this.db
        .prepare(
          `SELECT at, mental, physical, temporal, performance, effort, frustration FROM tlx_reports
           WHERE member_id = ? ORDER BY at DESC, id DESC LIMIT 1`,
        )
        .get(memberId) as TlxReport | undefined) ?? null
    );
  }
}
