/**
 * A small React wrapper of Apache ECharts: only the charts and components the insight pages
 * use are registered (echarts/core), so the chunk stays small; SVG rendering (crisp on
 * phones, light for small charts, its text readable by tests and screen readers). The chart
 * follows its box's size; a new `option` (new data, or another language) replaces the old
 * one whole.
 */
import { BarChart, LineChart, TreemapChart, type BarSeriesOption, type LineSeriesOption, type TreemapSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import { init, use, type ComposeOption, type ECElementEvent, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([BarChart, LineChart, TreemapChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | TreemapSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;
export type ChartClick = ECElementEvent;

interface Props {
  option: ChartOption;
  height: number;
  /** A click on a bar, a slice, a rectangle…: the drill-down. */
  onClick?: (e: ChartClick) => void;
  /** What the chart shows, for screen readers (the chart itself is a picture). */
  label: string;
  'data-testid'?: string;
}

export function EChart({ option, height, onClick, label, ...rest }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const click = useRef(onClick);
  useEffect(() => {
    click.current = onClick;
  }, [onClick]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = init(el, null, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (e) => click.current?.(e));
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      className={onClick ? 'gz-chart gz-chart--clickable' : 'gz-chart'}
      style={{ height, width: '100%' }}
      data-testid={rest['data-testid']}
    />
  );
}
