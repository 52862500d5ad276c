/**
 * A task of its own, as a worker's message is (tests also take the page's turns with it). Node
 * runs an immediate as soon as the timers and I/O due have run; a 0 ms timer waits at least 1 ms,
 * which thousands of property cases would add up.
 */
export const nextTask = (): Promise<void> =>
  new Promise<void>((resolve) =>
    typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0),
  );
