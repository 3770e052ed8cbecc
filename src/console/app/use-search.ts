import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from './api';
import { parseNear, searchParams, type Criteria } from './criteria';

export interface SearchState {
  data: Record<string, any>[]; total: number; page: number; totalPages: number;
  facets: Record<string, Record<string, number>>; loading: boolean; error: string | null; nearError: boolean; seq: number;
}

const places = new Map<string, string>();

/**
 * Runs the search whenever the criteria change: typing waits `debounceMs`, and a search still
 * in flight when a newer one starts is aborted, so only the latest answer is ever shown.
 */
export function useSearch(criteria: Criteria, debounceMs: number, supported: Set<string> | null): SearchState {
  const [state, setState] = useState<SearchState>({ data: [], total: 0, page: 1, totalPages: 0, facets: {}, loading: true, error: null, nearError: false, seq: 0 });
  const inFlight = useRef<AbortController | null>(null);
  const seq = useRef(0);
  const key = `${JSON.stringify(criteria)}|${supported ? [...supported].sort().join(',') : 'waiting'}`;

  useEffect(() => {
    if (!supported) return undefined;
    const run = async () => {
      inFlight.current?.abort();
      const ctrl = new AbortController();
      inFlight.current = ctrl;
      const mine = ++seq.current;
      setState((s) => ({ ...s, loading: true }));
      try {
        const near = parseNear(criteria.near);
        let point: string | null = null;
        if (near === 'invalid') { setState((s) => ({ ...s, loading: false, nearError: true })); return; }
        if (near && 'zip' in near) point = near.zip;
        if (near && 'city' in near) {
          const k = `${near.city.toLowerCase()},${near.state}`;
          if (!places.has(k)) {
            const p = await api.get<{ lat: number; lng: number }>('/v1/places', near, ctrl.signal).catch((e) => {
              if (e instanceof ApiError && e.status === 404) return null; throw e;
            });
            if (!p) { setState((s) => ({ ...s, loading: false, nearError: true })); return; }
            places.set(k, `${p.lat},${p.lng}`);
          }
          point = places.get(k)!;
        }
        const res = await api.get<any>('/v1/centers', searchParams(criteria, point, supported!), ctrl.signal);
        if (mine !== seq.current) return;
        setState({ data: res.data, total: res.meta.total, page: res.meta.page, totalPages: res.meta.total_pages, facets: res.meta.facets ?? {}, loading: false, error: null, nearError: false, seq: mine });
      } catch (err) {
        if ((err as Error).name === 'AbortError' || mine !== seq.current) return;
        setState((s) => ({ ...s, loading: false, error: (err as Error).message, seq: mine }));
      }
    };
    const timer = debounceMs > 0 ? setTimeout(run, debounceMs) : (run(), null);
    return () => { if (timer) clearTimeout(timer); };
  }, [key]);

  useEffect(() => () => inFlight.current?.abort(), []);
  return state;
}
