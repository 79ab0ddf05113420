/**
 * Normalises a typed receipt for comparison the way Crockford base32 reads it: case, spaces and
 * dashes do not matter, O reads as 0 and I or L as 1.
 */
export function normaliseReceipt(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}
