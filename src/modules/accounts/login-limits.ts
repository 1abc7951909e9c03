import type { Limit } from "../../platform/throttle/throttle.js";

const MINUTE = 60 * 1000;

/**
 * Sign-in throttling, built so a flood of wrong passwords cannot lock the owner out:
 * - one account from one address: 10 failures in 15 minutes (the guesser's own address waits);
 * - one address over all accounts: 50 failures in 15 minutes (password spraying; an office behind
 *   one NAT still has room for everyone's typos);
 * - one account from anywhere: 100 failures an hour (a guesser with many addresses), except for
 *   addresses that signed in to that account in the last 30 days — the owner's usual places.
 */
export const LOGIN_LIMITS: readonly Limit[] = [
  { per: "subject+client", max: 10, windowMs: 15 * MINUTE },
  { per: "client", max: 50, windowMs: 15 * MINUTE },
  { per: "subject", max: 100, windowMs: 60 * MINUTE, exceptKnownClients: 30 * 24 * 60 * MINUTE },
];
