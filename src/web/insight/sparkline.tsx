/** A tiny trend line of a series (plain SVG: one per hot issue, so no chart instance each). */
import { sparklinePoints } from './insight-params.js';

export function Sparkline({ series, width = 96, height = 28, color = '#1d5fbf' }: { series: readonly number[]; width?: number; height?: number; color?: string }) {
  const points = sparklinePoints(series, width, height);
  return (
    <svg className="gz-sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden data-testid="sparkline">
      <polyline points={points} fill="none" stroke={color} strokeWidth={1.5} strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}
