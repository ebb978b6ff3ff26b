import { join } from 'node:path'
import * as echarts from 'echarts'
import * as fontkit from 'fontkit'
import type { ReportChart } from '@shared/reports/model'

const PALETTE = ['#0b6e8a', '#e3a008', '#5b8c2a', '#b5475d', '#6b5ca5', '#3d9fbf']
let measuredWith: string | null = null

/**
 * ECharts lays text out with metrics it measures itself; under Node there is no canvas, and its
 * fallback guesses widths from Latin letters, so Cyrillic labels would wrap wrong. Give it the
 * real advance widths of the font the PDF is set in.
 */
function useFontMetrics(resourcesDir: string): void {
  const file = join(resourcesDir, 'fonts', 'Roboto', 'Roboto-Regular.ttf')
  if (measuredWith === file) return
  const font = fontkit.openSync(file) as fontkit.Font
  echarts.setPlatformAPI({
    measureText(text: string, cssFont?: string) {
      const size = Number(/(\d+(?:\.\d+)?)px/.exec(cssFont ?? '')?.[1] ?? 12)
      return { width: (font.layout(text).advanceWidth * size) / font.unitsPerEm }
    },
  })
  measuredWith = file
}

/**
 * A horizontal bar chart (categories down the side, one bar per series) as an SVG string, for
 * the PDF. Horizontal, because sector names are long. Labels get textBorderColor 'none':
 * pdfmake's SVG renderer draws a text border as a filled outline that hides the text.
 */
export function barChartSvg(chart: ReportChart, resourcesDir: string, size = { width: 515, height: 0 }): string {
  useFontMetrics(resourcesDir)
  const height = size.height || Math.max(180, 60 + chart.categories.length * (22 + 8 * chart.series.length))
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height })
  const text = { fontFamily: 'Roboto', color: '#222', textBorderColor: 'none' }
  instance.setOption({
    animation: false,
    color: PALETTE,
    textStyle: text,
    legend: { top: 0, textStyle: text, itemWidth: 14, itemHeight: 10 },
    grid: { left: 8, right: 36, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { ...text, fontSize: 9 } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: chart.categories,
      axisLabel: { ...text, fontSize: 9, width: 170, overflow: 'break' },
    },
    series: chart.series.map((s) => ({
      name: s.name,
      type: 'bar',
      data: s.values,
      barMaxWidth: 14,
      label: { show: true, position: 'right', fontSize: 8, ...text },
    })),
  })
  const svg = instance.renderToSVGString()
  instance.dispose()
  return svg
}
