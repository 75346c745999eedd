import { useEffect, useState } from "react";

// Effects never run on the server, so this only flips in the browser, once the first hydration is done.
let hydrating = true;

/**
 * False on the server and during hydration, true afterwards: widgets start as plain HTML that works
 * without JavaScript, and ones mounted later (client navigation) start enhanced straight away.
 */
export function useHydrated() {
  const [hydrated, setHydrated] = useState(() => !hydrating);
  useEffect(() => {
    hydrating = false;
    setHydrated(true);
  }, []);
  return hydrated;
}
