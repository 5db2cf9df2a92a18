import { BarChart } from 'echarts/charts';
import * as echarts from 'echarts/core';
import { TitleComponent, GridComponent, LegendComponent, AriaComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
echarts.use([BarChart, TitleComponent, GridComponent, LegendComponent, SVGRenderer, AriaComponent]);
const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 300 });
chart.setOption({ animation:false, aria:{enabled:false}, xAxis:{type:'value'}, yAxis:{type:'category', data:['Commencés','Terminés']}, series:[{type:'bar', data:[12,0], label:{show:true, position:'right', formatter:(p)=> p.dataIndex===1?'< 5':String(p.value)}}]});
console.log(chart.renderToSVGString());
