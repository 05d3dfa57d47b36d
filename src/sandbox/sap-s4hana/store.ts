/**
 * The simulated system's purchase orders: generated ones (order i made on demand from the seed)
 * under a sparse overlay of the orders changed or created through the API or the test handle.
 * Deletion in this service is a flag, so orders never leave; a changed generated order lives in
 * the overlay from then on. Listing in key order (or by LastChangeDateTime) walks index ranges
 * arithmetically where the filter is a range on the key or the change time, so a page deep into
 * a million orders costs what the page holds, not what precedes it.
 */
import { generateSuppliers, type SupplierRecord } from './catalog.js';
import { conjunction, matches, type Node } from './filter.js';
import { GENERATED_UNTIL, generateOrder, generatedChangeTime, orderIndex, orderNumber, type GenerateOptions, type SimOrder } from './generate.js';
import { types } from './spec.js';

export interface StoreOptions {
  purchaseOrders: number;
  itemsPerOrder: number;
  seed: number;
  suppliers: number;
}

export interface Listing {
  orders: SimOrder[];
  /** Matches in all, when asked for. */
  total?: number;
}

/** Which generated indices a filter can match, and whether that range is the whole filter. */
interface Plan {
  lo: number;
  hi: number;
  exact: boolean;
}

export class OrderStore {
  readonly size: number;
  readonly suppliers: SupplierRecord[];
  private readonly gen: GenerateOptions;
  private readonly overlay = new Map<number, SimOrder>();
  private created = 0;
  private lastStamp = 0;

  constructor(opts: StoreOptions) {
    this.size = opts.purchaseOrders;
    this.suppliers = generateSuppliers(opts.seed, opts.suppliers);
    this.gen = { seed: opts.seed, size: opts.purchaseOrders, itemsPerOrder: opts.itemsPerOrder, orderSuppliers: this.suppliers.filter((s) => !s.deletionIndicator) };
  }

  /** Every order index in use (generated and created). */
  get count(): number {
    return this.size + this.created;
  }

  get(i: number): SimOrder | undefined {
    if (!Number.isInteger(i) || i < 0 || i >= this.count) return undefined;
    // A created order exists once stored; a number reserved by a create that then failed does not.
    return this.overlay.get(i) ?? (i < this.size ? generateOrder(i, this.gen) : undefined);
  }

  byNumber(number: string): SimOrder | undefined {
    const i = orderIndex(number);
    return i === undefined ? undefined : this.get(i);
  }

  /** A copy to change; put() it back to keep the change. */
  editable(number: string): SimOrder | undefined {
    const order = this.byNumber(number);
    return order && structuredClone(order);
  }

  put(order: SimOrder): void {
    const i = orderIndex(String(order.header.PurchaseOrder))!;
    this.overlay.set(i, order);
  }

  /** The number the next created order gets (internal number range, after the generated ones). */
  reserveNumber(): string {
    const number = orderNumber(this.count);
    this.created += 1;
    return number;
  }

  /** A change time now, strictly after every earlier one (two changes never share a stamp). */
  stamp(): number {
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1, GENERATED_UNTIL + 1);
    return this.lastStamp;
  }

  changedIndices(): number[] {
    return [...this.overlay.keys()].sort((a, b) => a - b);
  }

  private changeTime(i: number): number {
    return generatedChangeTime(this.gen.seed, i, this.size);
  }

  /** First generated index whose change time is ≥ ms (or > ms when strict). */
  private firstAtOrAfter(ms: number, strict: boolean): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const t = this.changeTime(mid);
      if (strict ? t > ms : t >= ms) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** The generated indices a header filter can match (key and change-time ranges). */
  plan(filter: Node | undefined, keyName = 'PurchaseOrder'): Plan {
    if (!filter) return { lo: 0, hi: this.size, exact: true };
    const terms = conjunction(filter);
    if (!terms) return { lo: 0, hi: this.size, exact: false };
    let lo = 0;
    let hi = this.size;
    let exact = true;
    for (const { name, op, value } of terms) {
      if (name === keyName && typeof value === 'string' && op !== 'ne') {
        const i = /^\d{10}$/.test(value) ? orderIndex(value)! : undefined;
        if (i === undefined) {
          exact = false;
          continue;
        }
        if (op === 'eq') [lo, hi] = [Math.max(lo, i), Math.min(hi, i + 1)];
        else if (op === 'ge') lo = Math.max(lo, i);
        else if (op === 'gt') lo = Math.max(lo, i + 1);
        else if (op === 'le') hi = Math.min(hi, i + 1);
        else hi = Math.min(hi, i);
      } else if (name === 'LastChangeDateTime' && typeof value === 'number' && op !== 'eq' && op !== 'ne') {
        if (op === 'ge' || op === 'gt') lo = Math.max(lo, this.firstAtOrAfter(value, op === 'gt'));
        else hi = Math.min(hi, this.firstAtOrAfter(value, op === 'le'));
      } else exact = false;
    }
    return { lo: Math.max(0, lo), hi: Math.max(Math.max(0, lo), Math.min(hi, this.size)), exact };
  }

  /**
   * Orders matching a header filter, `skip`/`top` of them, in key order or by change time
   * (generated orders rise in change time with their index; overlay orders are stamped after
   * all of them), with the total when asked.
   */
  list(filter: Node | undefined, opts: { skip: number; top: number; byChangeTime?: boolean; count?: boolean }): Listing {
    const plan = this.plan(filter);
    const type = types.order;
    const overlay = this.changedIndices();
    const overlayMatch = new Map<number, boolean>();
    for (const i of overlay) overlayMatch.set(i, !filter || matches(filter, this.overlay.get(i)!.header, type));
    const out: SimOrder[] = [];
    let skip = opts.skip;
    let total = 0;
    const want = () => out.length < opts.top;
    const take = (order: SimOrder) => {
      total += 1;
      if (skip > 0) skip -= 1;
      else if (want()) out.push(order);
    };
    // A run of untouched generated orders [from, to).
    const run = (from: number, to: number) => {
      const a = Math.max(from, plan.lo);
      const b = Math.min(to, plan.hi);
      if (a >= b) return;
      if (plan.exact) {
        const n = b - a;
        const skipped = Math.min(skip, n);
        skip -= skipped;
        total += n;
        for (let i = a + skipped; i < b && want(); i += 1) out.push(generateOrder(i, this.gen));
        return;
      }
      for (let i = a; i < b; i += 1) {
        if (!opts.count && !want()) return;
        const order = generateOrder(i, this.gen);
        if (matches(filter!, order.header, type)) take(order);
      }
    };
    const touched = [...overlayMatch.keys()].sort((a, b) => a - b);
    if (opts.byChangeTime) {
      let from = 0;
      for (const i of touched) {
        if (i >= this.size) break;
        run(from, i);
        from = i + 1;
      }
      run(from, this.size);
      const later = touched.filter((i) => overlayMatch.get(i) && this.overlay.has(i)).map((i) => this.overlay.get(i)!);
      later.sort((x, y) => Number(x.header.LastChangeDateTime) - Number(y.header.LastChangeDateTime));
      for (const order of later) take(order);
    } else {
      let from = 0;
      for (const i of touched) {
        run(from, Math.min(i, this.size));
        const order = this.overlay.get(i);
        if (order && overlayMatch.get(i)) take(order);
        from = i + 1;
        if (!opts.count && !want() && skip === 0) break;
      }
      run(from, this.size);
    }
    return { orders: out, ...(opts.count ? { total } : {}) };
  }
}
