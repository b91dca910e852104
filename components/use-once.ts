import { useEffect, useRef } from 'preact/hooks';

/** Calls `callback` the first time `condition` holds, after that render is painted (the benchmark's marks). */
export function useOnce(condition: boolean, callback: (() => void) | undefined): void {
  const done = useRef(false);
  useEffect(() => {
    if (!condition || done.current) return;
    done.current = true;
    callback?.();
  }, [condition, callback]);
}
