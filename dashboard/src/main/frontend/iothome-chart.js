// <iothome-chart>: one Apache ECharts chart, drawn as SVG inside the element's shadow root.
// The server sets `option` to the ECharts option object as JSON; every change redraws the chart.
import { LitElement, html, css } from 'lit';
import * as echarts from 'echarts';

class IothomeChart extends LitElement {
    static properties = {
        option: { type: String },
    };

    static styles = css`
        :host { display: block; width: 100%; height: 380px; }
        #chart { width: 100%; height: 100%; }
    `;

    render() {
        return html`<div id="chart"></div>`;
    }

    firstUpdated() {
        const container = this.renderRoot.querySelector('#chart');
        this.chart = echarts.init(container, null, { renderer: 'svg' });
        this.resizeObserver = new ResizeObserver(() => this.chart.resize());
        this.resizeObserver.observe(this);
        this.draw();
    }

    updated(changed) {
        if (changed.has('option') && this.chart) {
            this.draw();
        }
    }

    draw() {
        if (!this.option) {
            this.chart.clear();
            return;
        }
        this.chart.setOption(JSON.parse(this.option), true);
        // a marker the browser tests read: the option this drawing was made from is on screen
        this.setAttribute('drawn', String(Date.now()));
    }

    disconnectedCallback() {
        super.disconnectedCallback();
        if (this.resizeObserver) {
            this.resizeObserver.disconnect();
        }
        if (this.chart) {
            this.chart.dispose();
            this.chart = undefined;
        }
    }

    connectedCallback() {
        super.connectedCallback();
        // re-attached after a view change: draw again into the kept shadow root
        if (this.hasUpdated && !this.chart) {
            this.firstUpdated();
        }
    }
}

customElements.define('iothome-chart', IothomeChart);
