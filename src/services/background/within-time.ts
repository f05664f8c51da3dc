/**
 * The answer of `work`, or undefined when it fails or takes longer than `ms` (for reads on a path where
 * someone waits, such as a Teams click). The timer never outlives the call.
 */
export async function withinTime<T>(work: Promise<T | undefined>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([work.catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}
