/**
 * Ed25519 verification thread of the Node backend (verify-thread.ts): libsodium's native
 * crypto_sign_verify_detached, the very function the backend calls on the main thread, so the
 * answers are the same. In: a batch of { id, packed }, each one buffer holding the
 * 64-byte signature, the 32-byte public key and the message; out: [{ id, ok }] in the same order.
 * Plain JavaScript, not TypeScript: a worker thread gets no TypeScript loader in every runner.
 */
import sodium from 'sodium-native';
import { parentPort } from 'node:worker_threads';

parentPort.on('message', (batch) => {
  parentPort.postMessage(batch.map(({ id, packed }) => ({ id, ok: verify(packed) })));
});

function verify(packed) {
  try {
    const signature = new Uint8Array(packed, 0, 64);
    const publicKey = new Uint8Array(packed, 64, 32);
    const message = new Uint8Array(packed, 96);
    return sodium.crypto_sign_verify_detached(signature, message, publicKey);
  } catch {
    return false;
  }
}
