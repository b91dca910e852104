import 'vitest/browser';

declare module 'vitest/browser' {
  interface BrowserCommands {
    setColorScheme(scheme: 'light' | 'dark'): Promise<void>;
    setReducedMotion(reduce: boolean): Promise<void>;
    /** Moves the real mouse to a point of the test's viewport (a trusted pointermove). */
    mouseMove(x: number, y: number): Promise<void>;
    /** Taps the real touchscreen at a point of the test's viewport (trusted touch pointer events). */
    touchTap(x: number, y: number): Promise<void>;
    /** A file of Hypothesis' anchoring data (tests/support/peer-data.ts), as text. */
    readPeerFile(name: string): Promise<string>;
  }
}
