import type { Report } from '../types.js';

/**
 * Finds the names `--redact` must hide: host names (every `host`/`hosts` field) and user names
 * (the folder after /home/, /Users/ or C:\Users\ in any string). Both in order of first
 * appearance, so placeholders are numbered the same way on every run.
 */
export interface FoundNames {
  hosts: string[];
  users: string[];
}

// The folder after a home root. /root stays: it names the superuser, not a person.
// `\\{1,2}` also catches paths quoted inside JSON text (diagnostic reasons quote raw lines).
const HOME_PATTERNS = [
  /\/(?:home|Users)\/([^/\\\s'"`,;:|<>]+)/g,
  /\b[A-Za-z]:\\{1,2}(?:Users|Documents and Settings)\\{1,2}([^/\\\s'"`,;:|<>]+)/gi,
];

// Folders under a home root that are not people.
const NOT_USERS = new Set(['shared', 'public', 'default', 'default user', 'all users', 'guest', 'defaultapppool']);

/** Keys whose values racetrace itself wrote (closed vocabularies), never names. */
export const TRUSTED_KEYS = new Set(['tool', '$schema', 'kind', 'severity', 'role', 'status', 'event']);

export function findNames(report: Report): FoundNames {
  const hosts: string[] = [];
  const users: string[] = [];
  const addUnique = (list: string[], value: string): void => {
    if (value !== '' && !list.some((known) => known.toLowerCase() === value.toLowerCase())) list.push(value);
  };
  visitStrings(report, undefined, (value, key) => {
    if (key === 'host' || key === 'hosts') addUnique(hosts, value);
    for (const pattern of HOME_PATTERNS) {
      for (const match of value.matchAll(pattern)) {
        const user = match[1];
        if (user !== undefined && !NOT_USERS.has(user.toLowerCase())) addUnique(users, user);
      }
    }
  });
  return { hosts, users };
}

/** Calls `visit` for every string value in a JSON-like tree, with the key it sits under. */
function visitStrings(value: unknown, key: string | undefined, visit: (value: string, key: string | undefined) => void): void {
  if (typeof value === 'string') visit(value, key);
  else if (Array.isArray(value)) for (const item of value) visitStrings(item, key, visit);
  else if (value !== null && typeof value === 'object') {
    for (const [childKey, child] of Object.entries(value)) {
      if (!TRUSTED_KEYS.has(childKey)) visitStrings(child, childKey, visit);
    }
  }
}
