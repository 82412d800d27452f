/** Holds a navigation slot until the feature behind it is built. */
export function ComingSoonPage({ title }: { title: string }) {
  return (
    <section className="page">
      <h1>{title}</h1>
      <p>{title} is coming soon.</p>
    </section>
  );
}
