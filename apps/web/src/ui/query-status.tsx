/** What a page shows while its data loads or when the API refused it. */
export function Loading({ what }: { what: string }) {
  return <p className="muted">Loading {what}…</p>;
}

export function QueryError({ what, error }: { what: string; error: { message: string } }) {
  return (
    <div className="query-error" role="alert">
      <strong>Could not load {what}.</strong> {error.message}
    </div>
  );
}
