// The unlock page's `next` parameter: only desk pages past sign-in come back out of it, so a
// crafted link to the unlock page can never send an investigator elsewhere after they sign in.
import { describe, expect, it } from 'vitest';
import {
  parseReturnTarget,
  returnParameter,
} from '../../frontend/src/lib/services/desk/return-path.ts';

const id = '0b6c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3';

describe('the desk return path after unlocking', () => {
  it('round-trips the pages the guard protects', () => {
    const back = (path: string, search = '') =>
      parseReturnTarget(decodeURIComponent(returnParameter(path, search)));
    expect(back('/desk/queues')).toEqual({ page: '/desk/queues' });
    expect(back('/desk/admin')).toEqual({ page: '/desk/admin' });
    expect(back('/desk/case', `?id=${id}`)).toEqual({ page: '/desk/case', id });
  });

  it('refuses other origins, other pages and anything but a case id', () => {
    for (const next of [
      null,
      '',
      'https://evil.example/desk/queues',
      '//evil.example/desk/queues',
      '/\\evil.example/desk/queues',
      'javascript:alert(1)',
      '/desk',
      '/desk/unlock?next=/desk/queues',
      '/report',
      '/desk/case',
      '/desk/case?id=not-a-uuid',
      `/desk/case?id=${id.toUpperCase()}x`,
      '/desk/../report',
    ]) {
      expect(parseReturnTarget(next), String(next)).toBeUndefined();
    }
  });

  it('drops every query but the case id', () => {
    expect(parseReturnTarget(`/desk/case?id=${id}&evil=1#x`)).toEqual({ page: '/desk/case', id });
    expect(parseReturnTarget('/desk/queues?x=1')).toEqual({ page: '/desk/queues' });
  });
});
