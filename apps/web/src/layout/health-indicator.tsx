import { useQuery } from '@tanstack/react-query';
import { trpc, type HealthReport } from '../trpc';

const components: { key: keyof HealthReport['components']; label: string }[] = [
  { key: 'db', label: 'Database' },
  { key: 'temporal', label: 'Temporal' },
  { key: 'worker', label: 'Worker' },
];

/** One dot per component the engine needs; hover a dot for what the server found. */
export function HealthIndicator() {
  const health = useQuery(trpc.system.health.queryOptions(undefined, { refetchInterval: 5_000, retry: false }));

  if (health.isError) {
    return (
      <ul className="health" aria-label="System health">
        <HealthDot label="Server" state="down" detail={`The console cannot reach the server: ${health.error.message}`} />
      </ul>
    );
  }
  return (
    <ul className="health" aria-label="System health">
      {components.map(({ key, label }) => {
        const component = health.data?.components[key];
        return (
          <HealthDot
            key={key}
            label={label}
            state={component ? (component.ok ? 'up' : 'down') : 'unknown'}
            detail={component?.detail ?? 'checking…'}
          />
        );
      })}
    </ul>
  );
}

function HealthDot({ label, state, detail }: { label: string; state: 'up' | 'down' | 'unknown'; detail: string }) {
  const status = { up: 'ok', down: 'failing', unknown: 'unknown' }[state];
  return (
    <li className="health__item" title={`${label}: ${detail}`} aria-label={`${label} ${status}: ${detail}`}>
      <span className={`health__dot health__dot--${state}`} />
      {label}
    </li>
  );
}
