// The review laid out as a list of blocks (headings, paragraphs, tables, charts, quoted mentions):
// what to say, in which order, in the chosen language. Markdown, HTML and PDF only decide how.
import { dec, duration, int, local, pct, utc, utcAndLocal } from './format';
import type { ReportModel } from './model';
import { kindLabel, personKindLabel, platformLabel, statementKindLabel, statusLabel } from './labels';
import { STRINGS } from './strings';

export type Block =
  | { type: 'title'; text: string; subtitle: string[] }
  | { type: 'h2'; text: string }
  | { type: 'h3'; text: string }
  | { type: 'p'; text: string; muted?: boolean }
  | { type: 'kv'; rows: [string, string][] }
  | { type: 'table'; head: string[]; rows: string[][]; numeric?: number[] }
  | { type: 'list'; items: string[]; empty: string }
  | { type: 'chart'; chart: 'volume' | 'sentiment'; title: string }
  | { type: 'quote'; meta: string; text: string; url: string | null; note: string }
  | { type: 'statement'; title: string; meta: string; body: string };

export function buildDocument(m: ReportModel): Block[] {
  const s = STRINGS[m.lang];
  const L = m.lang;
  const when = (ms: number | null) => (ms === null ? s.none : utcAndLocal(ms, m.timeZone));
  const dur = (ms: number | null, missing = s.notHappened) => (ms === null ? missing : duration(ms, L));
  const b: Block[] = [];
  const inc = m.incident;

  const subtitle = [`${s.generated} ${utc(m.generatedAt)}`];
  if (inc.isDemo) subtitle.push(s.demo);
  if (m.pseudonymized) subtitle.push(s.pseudonymized);
  b.push({ type: 'title', text: `${s.docTitle} — ${inc.title}`, subtitle });

  // Summary
  b.push({ type: 'h2', text: s.summary });
  b.push({
    type: 'kv',
    rows: [
      [s.title, inc.title],
      [s.level, m.levelLabel(inc.maxLevel)],
      [s.currentLevel, m.levelLabel(inc.level)],
      [s.status, statusLabel(inc.status, L)],
      [s.opened, when(inc.openedAt)],
      [s.closed, inc.closedAt === null ? s.stillOpen : when(inc.closedAt)],
      [s.duration, duration(inc.endAt - inc.openedAt, L)],
    ],
  });
  b.push({ type: 'h3', text: s.teamSummary });
  for (const para of (m.review.summary.trim() || s.noSummary).split(/\n\s*\n/))
    b.push({ type: 'p', text: para.trim(), muted: !m.review.summary.trim() });

  // Impact
  const im = m.impact;
  b.push({ type: 'h2', text: s.impact });
  b.push({
    type: 'kv',
    rows: [
      [s.window, `${utc(im.from)} → ${utc(im.to)}`],
      [s.volume, int(im.volume, L)],
      [s.uniqueAuthors, int(im.uniqueAuthors, L)],
      [s.totalReach, int(im.totalReach, L)],
      [
        s.peakMinute,
        im.peakMinute
          ? `${when(im.peakMinute.at)} — ${int(im.peakMinute.count, L)} ${s.volume.toLowerCase()}`
          : s.none,
      ],
      [
        s.toxicShare,
        im.toxicShare === null
          ? s.none
          : `${pct(im.toxicShare, L)} (${int(im.toxicCount, L)} / ${int(im.scoredCount, L)})`,
      ],
      [
        s.ratingBefore,
        im.ratingBefore
          ? `${dec(im.ratingBefore.mean, L, 2)} / 5 (${int(im.ratingBefore.count, L)})`
          : s.none,
      ],
      [
        s.ratingAfter,
        im.ratingAfter ? `${dec(im.ratingAfter.mean, L, 2)} / 5 (${int(im.ratingAfter.count, L)})` : s.none,
      ],
      [
        s.platforms,
        im.platforms.map((p) => `${platformLabel(p.platform, L)} ${int(p.count, L)}`).join(', ') || s.none,
      ],
    ],
  });
  const per = `${s.perBucket} ${duration(im.curve.bucketMinutes * 60_000, L)}`;
  b.push({ type: 'chart', chart: 'volume', title: `${s.volumeChart} (${per})` });
  b.push({
    type: 'table',
    head: [s.timeUtc, s.volume, 'neg', 'neu', 'pos', s.toxicShare],
    rows: im.curve.buckets
      .filter((x) => x.count > 0)
      .map((x) => [
        utc(x.at),
        int(x.count, L),
        int(x.neg, L),
        int(x.neu, L),
        int(x.pos, L),
        x.count > 0 ? pct(x.toxic / x.count, L) : s.none,
      ]),
    numeric: [1, 2, 3, 4, 5],
  });
  b.push({ type: 'chart', chart: 'sentiment', title: `${s.sentimentChart} (${per})` });
  b.push({ type: 'h3', text: s.clusters });
  if (im.clusters.length === 0) b.push({ type: 'p', text: s.noClusters, muted: true });
  else
    b.push({
      type: 'table',
      head: [s.cluster, s.count, s.share, s.authors, s.sample],
      rows: im.clusters.map((c, i) => [
        String(i + 1),
        int(c.count, L),
        pct(c.share, L),
        int(c.authors, L),
        c.sample.length > 160 ? `${c.sample.slice(0, 159)}…` : c.sample,
      ]),
      numeric: [1, 2, 3],
    });

  // Key metrics
  const t = m.times;
  b.push({ type: 'h2', text: s.metrics });
  const onsetHow = { agreed: s.onsetAgreed, computed: s.onsetComputed, signal: s.onsetSignal }[
    t.onset.source
  ];
  b.push({
    type: 'kv',
    rows: [
      [s.onset, `${when(t.onset.at)} (${onsetHow})`],
      [s.detect, t.firstAlertAt === null ? s.noAlert : dur(t.detectMs)],
      [s.acknowledge, t.firstAlertAt === null ? s.noAlert : dur(t.acknowledgeMs)],
      [s.firstStatement, dur(t.firstStatementMs)],
      [s.stable, dur(t.stableMs)],
      [s.close, dur(t.closeMs)],
    ],
  });
  b.push({ type: 'h3', text: s.approvals });
  if (m.approvals.length === 0) b.push({ type: 'p', text: s.noApprovals, muted: true });
  else
    b.push({
      type: 'table',
      head: [s.statement, s.requested, s.approvalLatency, s.outcome, s.approvers],
      rows: m.approvals.map((a) => [
        a.title || statementKindLabel(a.kind, L),
        utc(a.requestedAt),
        a.latencyMs === null ? s.none : duration(a.latencyMs, L),
        statusLabel(a.outcome, L),
        a.approvers
          .map(
            (p) =>
              `${p.name}${s.colon}${statusLabel(p.decision, L)}${p.latencyMs === null ? '' : ` (${duration(p.latencyMs, L)})`}` +
              (p.recordedBy ? `, ${s.recordedBy.replace('{name}', p.recordedBy)}` : ''),
          )
          .join('; '),
      ]),
    });
  const c = m.checklist;
  b.push({ type: 'h3', text: s.checklist });
  b.push({
    type: 'p',
    text: (
      [
        [s.onTime, c.onTime],
        [s.late, c.late],
        [s.overdue, c.overdue],
        [s.skipped, c.skipped],
        [s.open, c.open],
        [s.noDeadline, c.noDeadline],
      ] as const
    )
      .map(([label, n]) => `${label}${s.colon}${int(n, L)}`)
      .join(' · '),
  });
  const verdicts = {
    on_time: s.onTime,
    late: s.late,
    overdue: s.overdue,
    skipped: s.skipped,
    open: s.open,
    no_deadline: s.noDeadline,
  };
  if (c.items.length > 0)
    b.push({
      type: 'table',
      head: [s.step, s.phase, s.due, s.done, s.verdict],
      rows: c.items.map((i) => [
        i.title,
        m.phaseLabel(i.phase),
        i.dueAt === null ? s.none : utc(i.dueAt),
        i.doneAt === null ? s.none : `${utc(i.doneAt)}${i.doneBy ? ` (${i.doneBy})` : ''}`,
        verdicts[i.verdict],
      ]),
    });

  // Timeline with pinned evidence
  b.push({ type: 'h2', text: s.timeline });
  b.push({
    type: 'table',
    head: [s.timeUtc, s.timeLocal, s.event, s.actor, s.text],
    rows: m.timeline.map((e) => [
      utc(e.at),
      local(e.at, m.timeZone),
      kindLabel(e.kind, L),
      e.actor ?? s.none,
      e.evidence ? `${e.evidence.author}: ${e.evidence.text}` : e.text,
    ]),
  });
  b.push({ type: 'h3', text: s.evidence });
  if (m.evidence.length === 0) b.push({ type: 'p', text: s.noEvidence, muted: true });
  for (const e of m.evidence)
    b.push({
      type: 'quote',
      meta: `${e.author} · ${e.platform} · ${when(e.mentionAt)} · sha256 ${e.sha256.slice(0, 16)}…`,
      text: e.text,
      url: e.url,
      note: e.note,
    });

  // Decisions and statements
  b.push({ type: 'h2', text: s.decisions });
  b.push({
    type: 'list',
    items: m.decisions.map((d) => `${utc(d.at)}${d.actor ? ` (${d.actor})` : ''} — ${d.text}`),
    empty: s.noDecisions,
  });
  b.push({ type: 'h2', text: s.statements });
  if (m.statements.length === 0) b.push({ type: 'p', text: s.noStatements, muted: true });
  for (const st of m.statements) {
    const meta = [
      statementKindLabel(st.kind, L),
      when(st.publishedAt),
      st.channel ? `${s.channel}${s.colon}${st.channel}` : '',
      st.publishedBy ? `${s.publishedBy} ${st.publishedBy}` : '',
      st.url ? st.url : '',
      st.overrideReason ? `${s.override} — ${st.overrideReason}` : '',
    ].filter(Boolean);
    b.push({
      type: 'statement',
      title: st.title || statementKindLabel(st.kind, L),
      meta: meta.join(' · '),
      body: st.signature ? `${st.body}\n\n— ${st.signature}` : st.body,
    });
  }

  // Routing
  b.push({ type: 'h2', text: s.routing });
  if (m.routing.length === 0) b.push({ type: 'p', text: s.noRouting, muted: true });
  else
    b.push({
      type: 'table',
      head: [s.service, s.volume, s.firstRouted, s.lastRouted, s.routedBy],
      rows: m.routing.map((r) => [
        m.serviceLabel(r.service),
        int(r.mentions, L),
        utc(r.first),
        utc(r.last),
        r.by.join(', '),
      ]),
      numeric: [1],
    });

  // Team
  b.push({ type: 'h2', text: s.team });
  if (m.team.length === 0) b.push({ type: 'p', text: s.noTeam, muted: true });
  else
    b.push({
      type: 'table',
      head: [s.member, s.roles, s.duty, s.breaksTaken, s.breaksSkipped, s.exposures, s.peakLoad, s.maxTlx],
      rows: m.team.map((p) => [
        p.name,
        p.roles.map((r) => (r === 'analyst' ? r : m.roleLabel(r))).join(', ') || s.none,
        duration(p.dutyMs, L),
        int(p.breaksTaken, L),
        int(p.breaksSkipped, L),
        `${int(p.exposures, L)} (${int(p.toxicExposures, L)} ${s.toxicExposures}, ${int(p.aimedAtSelf, L)} ${s.aimedAtSelf})`,
        p.peakHour ? `${utc(p.peakHour.at)} — ${int(p.peakHour.count, L)}` : s.none,
        p.maxTlx === null ? s.none : dec(p.maxTlx, L),
      ]),
      numeric: [3, 4],
    });

  // Protection
  b.push({ type: 'h2', text: s.protection });
  if (m.protection.length === 0) b.push({ type: 'p', text: s.noProtection, muted: true });
  else {
    if (!m.includePrivate) b.push({ type: 'p', text: s.privateHidden, muted: true });
    b.push({
      type: 'table',
      head: [s.personKind, s.status, s.started, s.cooldown, s.closed, s.evidenceCount],
      rows: m.protection.map((p) => [
        personKindLabel(p.kind, L) +
          (p.person
            ? ` — ${p.person.name}${p.person.handles.length ? ` (${p.person.handles.join(', ')})` : ''}`
            : ''),
        statusLabel(p.status, L),
        utc(p.startedAt),
        utc(p.cooldownUntil),
        p.closedAt === null ? s.none : utc(p.closedAt),
        int(p.evidenceCount, L),
      ]),
    });
  }

  // Lessons
  b.push({ type: 'h2', text: s.lessons });
  b.push({ type: 'h3', text: s.wentWell });
  b.push({ type: 'list', items: m.review.wentWell, empty: s.nothingYet });
  b.push({ type: 'h3', text: s.wentBadly });
  b.push({ type: 'list', items: m.review.wentBadly, empty: s.nothingYet });
  b.push({ type: 'h3', text: s.actionItems });
  if (m.review.actionItems.length === 0) b.push({ type: 'p', text: s.nothingYet, muted: true });
  else
    b.push({
      type: 'table',
      head: [s.action, s.owner, s.due],
      rows: m.review.actionItems.map((a) => [a.text, a.owner || s.none, a.due ?? s.none]),
    });
  return b;
}
