import { resolve } from '$app/paths';
import { goto } from '$app/navigation';
import { deskApi } from '$lib/api/desk';
import { desk } from '$lib/state/desk.svelte';

export async function signOut(): Promise<void> {
  await deskApi.logout();
  desk.reset();
  await goto(resolve('/desk'));
}
