import 'vitest/browser';

declare module 'vitest/browser' {
  interface BrowserCommands {
    setColorScheme(scheme: 'light' | 'dark'): Promise<void>;
    setReducedMotion(reduce: boolean): Promise<void>;
  }
}
