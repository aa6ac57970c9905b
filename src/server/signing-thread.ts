import * as crypto from 'node:crypto';
import type { JsonWebKey, KeyObject } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/** One signature asked for: the key's id, the JWS signing input, and who waits for it. */
type Job = { kid: string; input: string; resolve: (signature: string) => void };
/** What goes to the thread in one message: the keys by id, and the inputs, in order. */
type Batch = { keys: Record<string, JsonWebKey>; jobs: { kid: string; input: string }[] };

/**
 * An Ed25519 signature (base64url) of `input`, made on a thread of the process's own, one for every signer in
 * it. A signature costs about 35 µs, a sixth of a durable write's time on the thread that answers requests,
 * while the machine's other cores wait. The signatures asked for in one turn of the event loop go over in one
 * message: a message costs microseconds, so one a signature would cost most of the gain. Node's own thread
 * pool is no place for them: a disk sync queued behind a batch of signatures would delay every write waiting
 * for it.
 *
 * If the thread fails, the signatures in flight and every later one are made on the calling thread.
 */
export function signOffThread(kid: string, privateJwk: JsonWebKey, input: string): Promise<string> {
  return new Promise((resolve) => {
    privateJwks[kid] = privateJwk;
    pending.push({ kid, input, resolve });
    if (pending.length === 1) setImmediate(sendBatch);
  });
}

/** Every key asked for so far (a process has one or two): each batch carries them, the thread keeps them made. */
const privateJwks: Record<string, JsonWebKey> = {};
let pending: Job[] = [];
const inFlight = new Map<number, Job[]>();
let batches = 0;
let thread: Worker | undefined;
let isBroken = false;

function sendBatch(): void {
  const jobs = pending;
  pending = [];
  if (isBroken) {
    signHere(jobs);
    return;
  }
  const batch: Batch = { keys: privateJwks, jobs: jobs.map(({ kid, input }) => ({ kid, input })) };
  const id = ++batches;
  inFlight.set(id, jobs);
  const worker = signingThread();
  worker.ref();
  worker.postMessage({ id, batch });
}

function signingThread(): Worker {
  if (thread) return thread;
  const worker = new Worker(`(${signInWorker.toString()})(require, ${signBatch.toString()})`, { eval: true });
  worker.on('message', ({ id, signatures }: { id: number; signatures: string[] }) => {
    const jobs = inFlight.get(id) ?? [];
    inFlight.delete(id);
    for (const [i, job] of jobs.entries()) job.resolve(signatures[i]!);
    // Idle, the thread keeps nothing alive: a process may end without closing its endpoint.
    if (inFlight.size === 0) worker.unref();
  });
  const fail = () => {
    if (isBroken) return;
    isBroken = true;
    for (const jobs of inFlight.values()) signHere(jobs);
    inFlight.clear();
  };
  worker.on('error', fail);
  worker.on('exit', fail);
  thread = worker;
  return worker;
}

/** The keys made from their JWKs on this thread, once the signing thread failed. */
const keysHere = new Map<string, KeyObject>();

function signHere(jobs: Job[]): void {
  const signatures = signBatch(crypto, keysHere, { keys: privateJwks, jobs });
  for (const [i, job] of jobs.entries()) job.resolve(signatures[i]!);
}

/**
 * The signatures of a batch, in order, each key made once into `keys`. Used by both threads, so it may use
 * only its arguments (the signing thread gets it as source).
 */
function signBatch(nodeCrypto: typeof crypto, keys: Map<string, KeyObject>, batch: Batch): string[] {
  for (const [kid, jwk] of Object.entries(batch.keys)) {
    if (!keys.has(kid)) keys.set(kid, nodeCrypto.createPrivateKey({ key: jwk, format: 'jwk' }));
  }
  return batch.jobs.map(({ kid, input }) =>
    nodeCrypto.sign(null, Buffer.from(input), keys.get(kid)!).toString('base64url'),
  );
}

/**
 * The thread's body, run as a script of its own (so it may use only its arguments): answers each batch with
 * its signatures, in order.
 */
function signInWorker(load: (id: string) => unknown, sign: typeof signBatch): void {
  const { parentPort } = load('node:worker_threads') as typeof import('node:worker_threads');
  const nodeCrypto = load('node:crypto') as typeof crypto;
  const keys = new Map<string, KeyObject>();
  parentPort?.on('message', ({ id, batch }: { id: number; batch: Batch }) => {
    parentPort.postMessage({ id, signatures: sign(nodeCrypto, keys, batch) });
  });
}
