// Small SVG charts written here instead of a chart library: three shapes are all the overview
// needs, and they keep the bundle small. Each has a text alternative.

export interface StackedSeries {
  label: string;
  values: Array<{ key: string; value: number }>;
}

/** Stacked columns (one per bucket); `keys` fixes the order and the colour class of each part. */
export function StackedBars({ series, keys, title }: { series: readonly StackedSeries[]; keys: readonly string[]; title: string }) {
  const width = 640;
  const height = 160;
  const gap = 2;
  const largest = Math.max(0, ...series.map((bucket) => bucket.values.reduce((sum, part) => sum + part.value, 0)));
  // Scale to the data, however small (cents of spend), never by a fixed floor.
  const max = largest > 0 ? largest : 1;
  const barWidth = series.length ? Math.max(1, width / series.length - gap) : 0;
  const labelEvery = Math.max(1, Math.ceil(series.length / 8));
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} preserveAspectRatio="none">
        {series.map((bucket, index) => {
          let top = height;
          return (
            <g key={index}>
              <title>{`${bucket.label}: ${bucket.values.map((part) => `${part.key} ${part.value}`).join(", ")}`}</title>
              {keys.map((key) => {
                const value = bucket.values.find((part) => part.key === key)?.value ?? 0;
                const barHeight = (value / max) * height;
                top -= barHeight;
                return value > 0 ? <rect key={key} className={`series-${key}`} x={index * (barWidth + gap)} y={top} width={barWidth} height={barHeight} /> : null;
              })}
            </g>
          );
        })}
        <line className="axis" x1="0" x2={width} y1={height} y2={height} />
      </svg>
      <div className="axis-labels" aria-hidden="true">
        {series.map((bucket, index) => (
          <span key={index}>{index % labelEvery === 0 ? bucket.label : ""}</span>
        ))}
      </div>
      <figcaption className="legend">
        {keys.map((key) => (
          <span key={key} className="legend-item">
            <span className={`swatch series-${key}`} aria-hidden="true" />
            {key}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** Horizontal bars with their numbers, for counts by category. */
export function HorizontalBars({ entries, title }: { entries: ReadonlyArray<{ label: string; value: number }>; title: string }) {
  const max = Math.max(1, ...entries.map((entry) => entry.value));
  return (
    <ul className="hbars" aria-label={title}>
      {entries.map((entry) => (
        <li key={entry.label}>
          <span className="hbar-label">{entry.label}</span>
          <svg className="hbar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
            <rect className="hbar-fill" x="0" y="0" width={(entry.value / max) * 100} height="10" />
          </svg>
          <span className="numeric">{entry.value}</span>
        </li>
      ))}
    </ul>
  );
}
