import { useCallback, useEffect, useState } from 'react';
import { formatRoute, parseRoute, type Route } from '../lib/routes';

export interface RouteState {
  route: Route;
  /** Bumped on every navigation, even to the same address (opening the same hit again scrolls back). */
  seq: number;
}

/** The app's location lives in the URL hash, so links, reloads and the back button just work. */
export function useHashRoute(): {
  route: Route;
  seq: number;
  navigate(route: Route, options?: { replace?: boolean }): void;
} {
  const [state, setState] = useState<RouteState>(() => ({ route: parseRoute(window.location.hash), seq: 1 }));

  useEffect(() => {
    const onChange = () => setState((s) => ({ route: parseRoute(window.location.hash), seq: s.seq + 1 }));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);

  const navigate = useCallback((route: Route, options: { replace?: boolean } = {}) => {
    const hash = formatRoute(route);
    if (window.location.hash === hash || (hash === '#/' && window.location.hash === '')) {
      setState((s) => ({ route, seq: s.seq + 1 }));
      return;
    }
    if (options.replace) {
      window.history.replaceState(window.history.state, '', hash);
      setState((s) => ({ route, seq: s.seq + 1 }));
    } else {
      window.location.hash = hash; // fires hashchange
    }
  }, []);

  return { route: state.route, seq: state.seq, navigate };
}
