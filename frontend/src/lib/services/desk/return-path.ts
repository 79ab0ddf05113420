// Where the desk goes after its keys are unlocked. A reload (or a typed or bookmarked address)
// locks the keys, and the guard sends the person to the unlock page with the page they wanted;
// after unlocking they land there rather than on the queues. Only desk pages past sign-in are
// accepted, with the case id as the only query, so the parameter can never lead off the desk or
// carry anything else into the page.
export type DeskTarget =
  { page: '/desk/queues' } | { page: '/desk/admin' } | { page: '/desk/case'; id: string };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const base = 'http://desk.invalid';

/** The page the guard saw, as the value of the unlock page's `next` parameter. */
export function returnParameter(pathname: string, search: string): string {
  return encodeURIComponent(`${pathname}${search}`);
}

/** Reads `next` back; anything but a known desk page gives undefined (then: the queues). */
export function parseReturnTarget(next: string | null): DeskTarget | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return undefined;
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return undefined;
  }
  if (url.origin !== base) return undefined;
  switch (url.pathname) {
    case '/desk/queues':
    case '/desk/admin':
      return { page: url.pathname };
    case '/desk/case': {
      const id = url.searchParams.get('id') ?? '';
      return uuid.test(id) ? { page: '/desk/case', id } : undefined;
    }
    default:
      return undefined;
  }
}
