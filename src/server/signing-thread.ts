import { createPrivateKey, type JsonWebKey, type KeyObject, sign as signHere } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/** One signature asked for: the key's id, the JWS signing input, and who waits for it. */
type Job = { kid: string; input: string; resolve: (signature: string) => void };
/** What goes to the thread in one message: the keys it has not seen yet, and the inputs, in order. */
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
    if (!privateJwks.has(kid)) {
      privateJwks.set(kid, privateJwk);
      keysToSend[kid] = privateJwk;
    }
    pending.push({ kid, input, resolve });
    if (pending.length === 1) setImmediate(sendBatch);
  });
}

const privateJwks = new Map<string, JsonWebKey>();
let keysToSend: Record<string, JsonWebKey> = {};
let pending: Job[] = [];
const inFlight = new Map<number, Job[]>();
let batches = 0;
let thread: Worker | undefined;
let isBroken = false;

function sendBatch(): void {
  const jobs = pending;
  pending = [];
  if (isBroken) {
    signHereAll(jobs);
    return;
  }
  const batch: Batch = { keys: keysToSend, jobs: jobs.map(({ kid, input }) => ({ kid, input })) };
  keysToSend = {};
  const id = ++batches;
  inFlight.set(id, jobs);
  const worker = signingThread();
  worker.ref();
  worker.postMessage({ id, batch });
}

function signingThread(): Worker {
  if (thread) return thread;
  const worker = new Worker(`(${signInWorker.toString()})(require)`, { eval: true });
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
    for (const jobs of inFlight.values()) signHereAll(jobs);
    inFlight.clear();
  };
  worker.on('error', fail);
  worker.on('exit', fail);
  thread = worker;
  return worker;
}

const keyObjects = new Map<string, KeyObject>();

function signHereAll(jobs: Job[]): void {
  for (const { kid, input, resolve } of jobs) {
    let key = keyObjects.get(kid);
    if (!key) {
      key = createPrivateKey({ key: privateJwks.get(kid)!, format: 'jwk' });
      keyObjects.set(kid, key);
    }
    resolve(signHere(null, Buffer.from(input), key).toString('base64url'));
  }
}

/**
 * The thread's body, run as a script of its own (so it may use only its argument): keeps each key it is
 * sent, and answers each batch with its signatures, in order.
 */
function signInWorker(load: (id: string) => unknown): void {
  const { parentPort } = load('node:worker_threads') as typeof import('node:worker_threads');
  const crypto = load('node:crypto') as typeof import('node:crypto');
  const keys = new Map<string, import('node:crypto').KeyObject>();
  parentPort?.on('message', ({ id, batch }: { id: number; batch: Batch }) => {
    for (const [kid, jwk] of Object.entries(batch.keys)) {
      keys.set(kid, crypto.createPrivateKey({ key: jwk, format: 'jwk' }));
    }
    const signatures = batch.jobs.map(({ kid, input }) =>
      crypto.sign(null, Buffer.from(input), keys.get(kid)!).toString('base64url'),
    );
    parentPort.postMessage({ id, signatures });
  });
}
