/**
 * A first-come, first-served lock for async work: `run` starts `work` once every earlier `run` has
 * settled, whether it resolved or rejected. It never times out: work that never settles holds it.
 */
export class AsyncMutex {
  #tail: Promise<unknown> = Promise.resolve();

  /** Runs `work` alone and settles as it does. */
  run<T>(work: () => Promise<T> | T): Promise<T> {
    const result = this.#tail.then(() => work());
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
