import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { fail } from "../../platform/errors.js";

/** Letters, digits, dot, underscore and hyphen, 3 to 64 of them: the API's and the CLI's usernames. */
export const USERNAME_PATTERN = "^[a-zA-Z0-9._-]{3,64}$";
export const MIN_PASSWORD_LENGTH = 10;

/**
 * Words anyone guessing a Minhu password tries first: the system's and the demo district's names,
 * and the commonest Chinese password words, which the common (mostly Western) list lacks.
 */
const CONTEXT_WORDS = [
  "minhu",
  "minhuwoxing",
  "民呼我行",
  "12345",
  "beilin",
  "碑林",
  "xian",
  "xa",
  "shaanxi",
  "woaini",
  "aini",
  "1314",
  "520",
  "mima",
  "wodemima",
];

/**
 * zxcvbn's score 3 — at least 10^8 guesses — against argon2id hashes; below it the password is a
 * common one, a keyboard walk, a date, or built from the account's own name or the words above.
 */
const MIN_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

/** Refuses (WEAK_PASSWORD) a password that is short, common, or built from the account's own names. */
export async function requireStrongPassword(
  password: string,
  account: { username: string; displayName?: string },
): Promise<void> {
  // Loaded with the first password set: its dictionaries took most of a second of every start.
  if (!estimator) {
    const [core, common] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
    ]);
    estimator = new core.ZxcvbnFactory({
      dictionary: { ...common.dictionary },
      graphs: common.adjacencyGraphs,
    });
  }
  const inputs = [account.username, ...(account.displayName ? [account.displayName] : []), ...CONTEXT_WORDS];
  if (password.length < MIN_PASSWORD_LENGTH || estimator.check(password, inputs).score < MIN_SCORE)
    throw fail("WEAK_PASSWORD");
}
