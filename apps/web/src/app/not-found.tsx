// Any address the dashboard has no page for: say so in the product's own frame, with the way back.
export default function NotFound() {
  return (
    <main className="auth-shell">
      <div className="auth-card">
        <h1 className="brand">Page not found</h1>
        <p className="subtitle">
          Tunnelwatch has no page at this address. It may have been mistyped, or a link may be out of date.
        </p>
        <p style={{ margin: 0 }}>
          <a href="/">Fleet overview</a> · <a href="/connections">Connections</a> · <a href="/incidents">Incidents</a>
        </p>
      </div>
    </main>
  );
}
