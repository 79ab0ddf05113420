// The investigator's API client: every call to services/desk goes through here.
// Paths and payloads follow services/desk/README.md.
import { postJson } from './http';

export const deskApi = {
  logout: () => postJson<void>('/api/auth/logout'),
};
