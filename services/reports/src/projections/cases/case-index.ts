import { priorities } from '../../report/events.ts';
import type { ReminderState } from '../../reminders/state.ts';
import { queueNames, type QueueName } from '../queues/queries.ts';
import { reachOf } from '../queues/row.ts';
import { CaseColumns, workflow } from './columns.ts';
import {
  caseSortKeys,
  caseViews,
  type CaseFilter,
  type CaseListContext,
  type CaseQuery,
  type CaseSortKey,
} from './query.ts';
import {
  isCaseRow,
  nextDeadlineOf,
  nextDeadlineSeenBy,
  referralSeenBy,
  reminderSeenBy,
  type CaseListState,
  type CaseRow,
} from './row.ts';

/** One listed case: the row's plain fields with the deadline the list shows. */
export type CaseListItem = Omit<
  CaseRow,
  'position' | 'isOpen' | 'ackDueAt' | 'reminders' | 'referrals' | 'referralDeadlines'
> & {
  readonly acknowledgementDueAt: string;
  /**
   * The report's own channel when the caller reaches the case only through a referral from it
   * (the list says "Referred by <channel>"), else null.
   */
  readonly referredFrom: string | null;
  /** The caller's next deadline: the referral's own for a caller it brought in (nextDeadlineSeenBy). */
  readonly nextDeadline: string | null;
  /**
   * The open deadline's reminder (`due`) or escalation (`overdue`) if recorded: for a caller who
   * has the case only through a referral, of the referral's deadlines (reminderSeenBy).
   */
  readonly reminder: ReminderState | null;
  /**
   * For a caller who has the case only through a referral: whether they acknowledged it (their
   * badge is then of its feedback deadline). Absent for everyone else.
   */
  readonly referralAcknowledged?: boolean;
};

/** What CaseIndex.work answers: counts, and the cases awaiting a reply with their writes. */
export interface CaseWork {
  readonly newReports: number;
  readonly due: number;
  readonly overdue: number;
  readonly replies: readonly { readonly reportId: string; readonly whistleblowerWrites: number }[];
}

export interface CaseListPage {
  /** Every case the filter matches (exact, no cap). */
  readonly total: number;
  readonly items: readonly CaseListItem[];
}

const LAST = '\uffff';
const rankOf = (list: readonly string[], v: string | null) =>
  v === null ? ' ' : String.fromCharCode(65 + list.indexOf(v));

/** Each sort key as a string that compares in the column's order (missing values last). */
const sortValue: Record<CaseSortKey, (r: CaseRow) => string> = {
  received: (r) => r.receivedAt,
  status: (r) => rankOf(workflow, r.status),
  priority: (r) => rankOf(priorities, r.priority),
  sector: (r) => r.sector ?? LAST,
  region: (r) => r.region ?? LAST,
  nextDeadline: (r) => nextDeadlineOf(r) ?? LAST,
  lastActivity: (r) => r.lastActivityAt,
  closed: (r) => r.closedAt ?? LAST,
};

function toItem(r: CaseRow, ctx: CaseListContext): CaseListItem {
  const {
    position: _p,
    isOpen: _o,
    ackDueAt,
    reminders: _r,
    referrals: _f,
    referralDeadlines: _d,
    ...rest
  } = r;
  const own = reachOf(r).includes(r.channelId) && ctx.channelIds.includes(r.channelId);
  const referral = referralSeenBy(r, ctx.channelIds);
  return {
    ...rest,
    acknowledgementDueAt: ackDueAt,
    referredFrom: own ? null : r.channelId,
    nextDeadline: nextDeadlineSeenBy(r, ctx.channelIds),
    reminder: reminderSeenBy(r, ctx.channelIds),
    ...(referral && { referralAcknowledged: referral.acknowledgedAt !== null }),
  };
}

/** Above this many changes at once the sorted orders are rebuilt instead of patched. */
const PATCH_LIMIT = 64;

/**
 * The case list in memory: every row of the case-list projection, one sorted order per column
 * (built when first asked for, patched as rows change), and one pass over an order per query
 * that filters (./columns.ts), counts every match and keeps the page. Pure: rows come in through `apply`, the
 * caller reads them from the projection (./changes.ts). A pass over 100,000 rows costs a few
 * milliseconds whatever the filter, where SQLite's counts and sorts over arbitrary filters cost
 * tens (bench: npm run bench:caselist).
 */
export class CaseIndex {
  private readonly slots = new Map<string, number>();
  private readonly rows: (CaseRow | undefined)[] = [];
  private readonly free: number[] = [];
  /** Slots of rows with accepted referrals: their next deadline depends on who asks. */
  private readonly referred = new Set<number>();
  private readonly columns = new CaseColumns();
  /** Slots in each column's order (ties by report id), built when first asked for. */
  private readonly orders = new Map<CaseSortKey, number[]>();
  /** Highest log position applied. */
  position = 0;

  get size(): number {
    return this.slots.size;
  }

  get(reportId: string): CaseRow | undefined {
    const slot = this.slots.get(reportId);
    return slot === undefined ? undefined : this.rows[slot];
  }

  /** Applies changed states (from the projection, in position order). */
  apply(states: readonly CaseListState[]): void {
    const patch = states.length <= PATCH_LIMIT;
    if (!patch) this.orders.clear();
    for (const s of states) {
      let slot = this.slots.get(s.reportId);
      if (slot !== undefined && patch)
        for (const [key, order] of this.orders) this.remove(order, slot, key);
      if (isCaseRow(s)) {
        if (slot === undefined) {
          slot = this.free.pop() ?? this.rows.length;
          this.slots.set(s.reportId, slot);
        }
        this.rows[slot] = s;
        this.columns.set(slot, s);
        if (s.referralDeadlines) this.referred.add(slot);
        else this.referred.delete(slot);
        if (patch) for (const [key, order] of this.orders) this.insert(order, slot, key);
      } else if (slot !== undefined) {
        this.slots.delete(s.reportId);
        this.referred.delete(slot);
        this.rows[slot] = undefined;
        this.free.push(slot);
      }
      if (s.position > this.position) this.position = s.position;
    }
  }

  private order(key: CaseSortKey): number[] {
    let order = this.orders.get(key);
    if (!order) {
      const value = sortValue[key];
      const keyed = [...this.slots.values()].map((slot) => {
        const r = this.rows[slot] as CaseRow;
        return { slot, v: value(r), id: r.reportId };
      });
      keyed.sort((a, b) => compareKeyed(a.v, a.id, b.v, b.id));
      order = keyed.map((k) => k.slot);
      this.orders.set(key, order);
    }
    return order;
  }

  /**
   * One page of the caller's cases matching the filter, in the asked order, and their total.
   * Sorted by next deadline, the rows a referral brought the caller to are ordered by their
   * referral's deadline (few: sorted per query) and merged into the shared order.
   */
  query(query: CaseQuery, ctx: CaseListContext): CaseListPage {
    const match = this.columns.matcher(query.filter, ctx);
    const order = this.order(query.sort.key);
    const desc = query.sort.direction === 'desc';
    const aside = query.sort.key === 'nextDeadline' ? this.seenThroughReferral(match, ctx) : [];
    const skip = new Set(aside.map((k) => k.slot));
    if (desc) aside.reverse();
    const items: CaseListItem[] = [];
    const end = query.offset + query.limit;
    let total = 0;
    const take = (slot: number) => {
      if (total >= query.offset && total < end) items.push(toItem(this.rows[slot] as CaseRow, ctx));
      total += 1;
    };
    const value = sortValue[query.sort.key];
    let a = 0;
    for (let k = 0, n = order.length; k < n; k++) {
      const slot = order[desc ? n - 1 - k : k] as number;
      if (skip.has(slot) || !match(slot)) continue;
      const r = this.rows[slot] as CaseRow;
      const v = value(r);
      while (a < aside.length) {
        const b = aside[a] as Keyed;
        const c = compareKeyed(b.v, b.id, v, r.reportId);
        if (desc ? c <= 0 : c >= 0) break;
        take(b.slot);
        a += 1;
      }
      take(slot);
    }
    for (; a < aside.length; a++) take((aside[a] as Keyed).slot);
    return { total, items };
  }

  /** The matching rows the caller has through a referral, by the referral's next deadline. */
  private seenThroughReferral(match: (slot: number) => boolean, ctx: CaseListContext): Keyed[] {
    const out: Keyed[] = [];
    for (const slot of this.referred) {
      const r = this.rows[slot] as CaseRow;
      if (!match(slot) || !referralSeenBy(r, ctx.channelIds)) continue;
      out.push({ slot, v: nextDeadlineSeenBy(r, ctx.channelIds) ?? LAST, id: r.reportId });
    }
    return out.sort((x, y) => compareKeyed(x.v, x.id, y.v, y.id));
  }

  private counted: { key: string; counts: Record<QueueName, number> } | undefined;

  /**
   * Every saved view's count for the caller, exact, in one pass; the last answer is kept until a
   * row changes, another caller asks or the minute turns (the feedback views move with the clock),
   * since every list request and every live update asks again.
   */
  viewCounts(ctx: CaseListContext): Record<QueueName, number> {
    const key = [
      this.position,
      Math.floor(ctx.now.getTime() / 60_000),
      ctx.investigatorId,
      ctx.soonDays,
      ...ctx.channelIds,
    ].join(' ');
    if (this.counted?.key !== key) this.counted = { key, counts: this.countViews(ctx) };
    return { ...this.counted.counts };
  }

  private countViews(ctx: CaseListContext): Record<QueueName, number> {
    const views = caseViews(ctx);
    const tests = queueNames.map((name) => this.columns.matcher(views[name].filter, ctx));
    const counts = queueNames.map(() => 0);
    for (const slot of this.slots.values())
      for (let v = 0; v < tests.length; v++)
        if ((tests[v] as (s: number) => boolean)(slot)) counts[v] = (counts[v] as number) + 1;
    return Object.fromEntries(queueNames.map((n, v) => [n, counts[v]])) as Record<
      QueueName,
      number
    >;
  }

  /**
   * The caller's work at a glance (the desk's header): new reports (an acknowledgement the caller
   * owes: the referral's for a case a referral brought them), cases
   * whose open deadline's reminder or escalation was recorded, and the open cases whose
   * whistleblower wrote last, with how many times they wrote (the browser compares that with
   * what it has seen), the latest first, at most `maxReplies`. Only cases of the caller's channels.
   */
  work(ctx: CaseListContext, maxReplies = 500): CaseWork {
    const test = (filter: CaseFilter) => this.columns.matcher(filter, ctx);
    const [inbox, due, overdue, waiting] = [
      test({ inbox: true }),
      test({ reminder: 'due' }),
      test({ reminder: 'overdue' }),
      test({ open: true, awaiting: 'investigator' }),
    ];
    const work = { newReports: 0, due: 0, overdue: 0 };
    const replies: CaseRow[] = [];
    for (const slot of this.slots.values()) {
      if (inbox(slot)) work.newReports += 1;
      if (due(slot)) work.due += 1;
      if (overdue(slot)) work.overdue += 1;
      if (waiting(slot)) replies.push(this.rows[slot] as CaseRow);
    }
    replies.sort((a, b) =>
      compareKeyed(b.lastWhistleblowerAt, b.reportId, a.lastWhistleblowerAt, a.reportId),
    );
    return {
      ...work,
      replies: replies
        .slice(0, maxReplies)
        .map((r) => ({ reportId: r.reportId, whistleblowerWrites: r.whistleblowerWrites })),
    };
  }

  /** First index in `order` whose row sorts at or after `row`. */
  private lowerBound(order: readonly number[], row: CaseRow, key: CaseSortKey): number {
    const value = sortValue[key];
    const v = value(row);
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const r = this.rows[order[mid] as number] as CaseRow;
      if (compareKeyed(value(r), r.reportId, v, row.reportId) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private remove(order: number[], slot: number, key: CaseSortKey): void {
    const i = this.lowerBound(order, this.rows[slot] as CaseRow, key);
    if (order[i] === slot) order.splice(i, 1);
  }

  private insert(order: number[], slot: number, key: CaseSortKey): void {
    order.splice(this.lowerBound(order, this.rows[slot] as CaseRow, key), 0, slot);
  }
}

interface Keyed {
  readonly slot: number;
  readonly v: string;
  readonly id: string;
}

export const isCaseSortKey = (k: string): k is CaseSortKey =>
  (caseSortKeys as readonly string[]).includes(k);

function compareKeyed(av: string, aid: string, bv: string, bid: string): number {
  if (av !== bv) return av < bv ? -1 : 1;
  return aid < bid ? -1 : aid > bid ? 1 : 0;
}
