/**
 * When the reporter's endpoints ask for proof of work (DOMAIN.md §4 abuse controls; issue #5
 * point 2). A plain request is served while traffic looks human; a client address that files
 * or guesses more than a person would — or everyone, while the whole site sees a burst — is
 * asked to solve a challenge first. The per-route rate limits stay in force besides.
 *
 * Counts live in this server's memory only, keyed by a hash of the address (no address is
 * kept), and forget after an hour.
 */
import { createHash } from 'node:crypto';

export type Guarded = 'file' | 'receipt';

export interface GuardLimits {
  /** Attempts from one address in an hour before it must prove work. */
  perAddress: number;
  /** Attempts from all addresses in ten minutes before everyone must. */
  global: number;
}

/** Filing: a person files a report or two; entering receipts: only wrong receipts count. */
export const DEFAULT_LIMITS: Record<Guarded, GuardLimits> = { file: { perAddress: 3, global: 60 }, receipt: { perAddress: 5, global: 100 } };

const HOUR = 3_600_000;
const TEN_MINUTES = 600_000;

export class AbuseGuard {
  private readonly byAddress = new Map<string, number[]>();
  private readonly all: number[] = [];

  constructor(private readonly limits: GuardLimits) {}

  private key(address: string): string {
    return createHash('sha256').update(address).digest('base64url').slice(0, 16);
  }

  private prune(now: number): void {
    while (this.all.length > 0 && this.all[0]! < now - TEN_MINUTES) this.all.shift();
    if (this.byAddress.size > 10_000) for (const [k, times] of this.byAddress) if (times.at(-1)! < now - HOUR) this.byAddress.delete(k);
  }

  /** Whether the next attempt from `address` must carry a solved challenge. */
  needsProof(address: string, now: number): boolean {
    this.prune(now);
    const mine = (this.byAddress.get(this.key(address)) ?? []).filter((t) => t >= now - HOUR);
    return mine.length >= this.limits.perAddress || this.all.length >= this.limits.global;
  }

  record(address: string, now: number): void {
    const k = this.key(address);
    const mine = (this.byAddress.get(k) ?? []).filter((t) => t >= now - HOUR);
    mine.push(now);
    this.byAddress.set(k, mine);
    this.all.push(now);
  }
}

export const guards: Record<Guarded, AbuseGuard> = { file: new AbuseGuard(DEFAULT_LIMITS.file), receipt: new AbuseGuard(DEFAULT_LIMITS.receipt) };
