import 'vitest/browser';

declare module 'vitest/browser' {
  interface BrowserCommands {
    setColorScheme(scheme: 'light' | 'dark'): Promise<void>;
    setReducedMotion(reduce: boolean): Promise<void>;
    /** A file of Hypothesis' anchoring data (tests/support/peer-data.ts), as text. */
    readPeerFile(name: string): Promise<string>;
  }
}
