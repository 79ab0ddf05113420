export {
  createUpcasterRegistry,
  storedVersion,
  type Upcaster,
  type UpcasterRegistry,
} from './registry.ts';
export { upcasters } from './upcasters.ts';
