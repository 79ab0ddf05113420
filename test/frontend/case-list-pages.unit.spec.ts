// The case list export reads every page of the list, not only the one on screen: given a server
// that pages, all of them, in order, each case once even when the list moves meanwhile.
import { describe, expect, it } from 'vitest';
import { allPages } from '../../frontend/src/lib/caselist/pages.ts';

type Row = { reportId: string };
const rows = (n: number, prefix = 'r'): Row[] =>
  Array.from({ length: n }, (_, i) => ({ reportId: `${prefix}${i}` }));

/** A server over `list` (read at each request, so a test can change it between pages). */
function server(list: () => Row[]) {
  const asked: number[] = [];
  const page = (offset: number, limit: number) => {
    asked.push(offset);
    const all = list();
    return Promise.resolve({
      ok: true as const,
      value: { total: all.length, items: all.slice(offset, offset + limit) },
    });
  };
  return { asked, page };
}

describe('reading every page of the case list', () => {
  it('reads all pages, in order, with progress after each', async () => {
    const list = rows(7);
    const s = server(() => list);
    const progress: [number, number][] = [];
    const got = await allPages(
      (o) => s.page(o, 3),
      3,
      (p) => progress.push([p.done, p.total]),
    );
    expect(got).toEqual(list);
    expect(s.asked).toEqual([0, 3, 6]);
    expect(progress).toEqual([
      [3, 7],
      [6, 7],
      [7, 7],
    ]);
  });

  it('stops on an exact multiple of the page, and reads an empty list once', async () => {
    const six = server(() => rows(6));
    expect(
      await allPages(
        (o) => six.page(o, 3),
        3,
        () => undefined,
      ),
    ).toHaveLength(6);
    expect(six.asked).toEqual([0, 3]);
    const none = server(() => []);
    expect(
      await allPages(
        (o) => none.page(o, 3),
        3,
        () => undefined,
      ),
    ).toEqual([]);
    expect(none.asked).toEqual([0]);
  });

  it('keeps each case once when a new one arrives at the top between pages', async () => {
    let list = rows(5);
    const s = server(() => list);
    const got = await allPages(
      async (o) => {
        const r = await s.page(o, 3);
        list = [{ reportId: 'new' }, ...rows(5)];
        return r;
      },
      3,
      () => undefined,
    );
    expect((got as Row[]).map((r) => r.reportId)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
  });

  it('fails as a whole when any page fails: no partial list', async () => {
    let n = 0;
    const got = await allPages(
      () =>
        Promise.resolve(
          n++ === 0
            ? { ok: true as const, value: { total: 9, items: rows(3) } }
            : { ok: false as const },
        ),
      3,
      () => undefined,
    );
    expect(got).toBe('failed');
  });
});
