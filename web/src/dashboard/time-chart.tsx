'use client';

import { useEffect, useRef } from 'react';
import uPlot, { type AlignedData, type Options } from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { axisRange, niceTicks, tickLabels, type AxisSpec } from './axis';

export interface SeriesSpec {
  label: string;
  unit: string;
  color: string;
  /** Which y scale (series with the same scale share an axis). */
  scale: string;
  /** Points only (sparse readings such as journal entries). */
  points?: boolean;
  /** The y axis of this series' scale (the first series on a scale sets it). */
  axis: AxisSpec;
}

const HEIGHT = 220;

/**
 * A time-series chart on uPlot (canvas, built for many points and live appends). `data` is
 * [times in seconds, ...one array per series]; a null is a gap. The figure carries a text
 * summary, since a canvas says nothing to a screen reader.
 */
export function TimeChart({
  title,
  series,
  data,
  summary,
  testId,
}: {
  title: string;
  series: SeriesSpec[];
  data: AlignedData;
  summary: string;
  testId: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  // The data the chart was last given: a chart rebuilt for new series starts from it.
  const latest = useRef(data);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const scales = [...new Set(series.map((s) => s.scale))];
    const axisOf = (scale: string) => series.find((s) => s.scale === scale)!.axis;
    const options: Options = {
      width: element.clientWidth || 600,
      height: HEIGHT,
      scales: Object.fromEntries(
        scales.map((scale) => [
          scale,
          { range: (_u: uPlot, min: number, max: number) => axisRange(min, max, axisOf(scale)) },
        ]),
      ),
      series: [
        {},
        ...series.map((s) => ({
          label: `${s.label} (${s.unit})`,
          stroke: s.color,
          width: s.points ? 0 : 1.5,
          scale: s.scale,
          spanGaps: false,
          points: { show: s.points ?? false, size: 7, fill: s.color },
        })),
      ],
      axes: [
        {},
        ...scales.map((scale, i) => ({
          scale,
          side: i === 0 ? 3 : 1,
          grid: { show: i === 0 },
          label: series.find((s) => s.scale === scale)!.unit,
          splits: (_u: uPlot, _axis: number, min: number, max: number) => niceTicks(min, max),
          values: (_u: uPlot, splits: number[]) => tickLabels(splits),
        })),
      ],
      legend: { live: true },
    };
    const plot = new uPlot(options, latest.current, element);
    chart.current = plot;
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: element.clientWidth, height: HEIGHT }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
      chart.current = null;
    };
  }, [series]);

  useEffect(() => {
    latest.current = data;
    chart.current?.setData(data);
  }, [data]);

  return (
    <figure className="card chart" data-testid={testId} data-points={data[0].length}>
      <figcaption>
        <h2>{title}</h2>
        <p className="muted">{summary}</p>
      </figcaption>
      <div ref={box} aria-hidden="true" />
    </figure>
  );
}
