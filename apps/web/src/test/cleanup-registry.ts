const disposers: (() => void)[] = [];

/** Registers something to stop after the current test (timers of a session, a query client). */
export function afterThisTest(dispose: () => void): void {
  disposers.push(dispose);
}

/** Runs and forgets every registered disposer (called from the test setup). */
export function runAfterTestDisposers(): void {
  for (const dispose of disposers.splice(0)) dispose();
}
