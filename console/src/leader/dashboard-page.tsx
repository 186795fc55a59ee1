/**
 * Leader: the semiannual report of GET /reports/{period} as charts and tables (việc and tiền by unit,
 * tỷ lệ xong, this period against the same one last year, the credit-institution cases apart), and
 * its exports through GET /reports/{period}/exports/{format}.
 */
import { Alert, Button, Card, Select, Space, Spin, Statistic, Table, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import type { Report, ReportFormat } from "../api/client.ts";
import { useSession } from "../auth/session.tsx";
import { Chart, type ChartOption } from "../components/chart.tsx";
import { saveFile } from "../components/save-file.ts";
import { formatMoney, formatNumber, formatRate } from "../format.ts";
import { MESSAGES } from "../text.ts";
import { ScrollRegion } from "../components/scroll-region.tsx";

type Row = Report["views"]["byUnit"]["rows"][number];

/** The period holding today, in the statistical year (1 Oct – 30 Sep), and the five before it. */
function recentPeriods(today: Date): string[] {
  const month = today.getUTCMonth() + 1;
  let year = month >= 10 ? today.getUTCFullYear() + 1 : today.getUTCFullYear();
  let half: 1 | 2 = month >= 10 || month <= 3 ? 1 : 2;
  const periods: string[] = [];
  for (let count = 0; count < 6; count += 1) {
    periods.push(`${year}-H${half}`);
    if (half === 2) half = 1;
    else {
      half = 2;
      year -= 1;
    }
  }
  return periods;
}

const periodLabel = (name: string) => {
  const [year, half] = name.split("-H");
  return half === "1" ? `6 tháng đầu năm ${year} (01/10/${Number(year) - 1} – 31/03/${year})` : `Năm ${year} (01/10/${Number(year) - 1} – 30/09/${year})`;
};

function ReportTable({ view, caption }: { view: Report["views"]["byUnit"]; caption: string }) {
  const rows = [...view.rows, view.total];
  return (
    <ScrollRegion label={caption}>
      <Table<Row>
        rowKey="key"
        size="small"
        pagination={false}
        caption={caption}
        dataSource={rows}
        columns={[
          { title: view.rowHeader, dataIndex: "label" },
          { title: "Việc thụ lý", render: (_, row) => formatNumber(row.current.viec.totalReceived), align: "right" },
          { title: "Việc phải thi hành", render: (_, row) => formatNumber(row.current.viec.toEnforce), align: "right" },
          { title: "Có điều kiện", render: (_, row) => formatNumber(row.current.viec.enforceable), align: "right" },
          { title: "Xong", render: (_, row) => formatNumber(row.current.viec.completed), align: "right" },
          { title: "Đình chỉ", render: (_, row) => formatNumber(row.current.viec.terminated), align: "right" },
          { title: "Tỷ lệ xong (việc)", render: (_, row) => formatRate(row.current.viec.completionRate), align: "right" },
          { title: "Tỷ lệ xong (việc) cùng kỳ năm trước", render: (_, row) => formatRate(row.previous.viec.completionRate), align: "right" },
          { title: "Tiền phải thi hành", render: (_, row) => formatMoney(row.current.tien.toEnforce), align: "right" },
          { title: "Tiền đã thi hành xong", render: (_, row) => formatMoney(row.current.tien.completed), align: "right" },
          { title: "Tỷ lệ xong (tiền)", render: (_, row) => formatRate(row.current.tien.completionRate), align: "right" },
          { title: "Tỷ lệ xong (tiền) cùng kỳ năm trước", render: (_, row) => formatRate(row.previous.tien.completionRate), align: "right" },
        ]}
      />
    </ScrollRegion>
  );
}

/** The whole province's headline figures: title, this period, the same period last year. */
function totals(total: Row): [string, string, string][] {
  const { current: now, previous: before } = total;
  return [
    ["Việc phải thi hành", formatNumber(now.viec.toEnforce), formatNumber(before.viec.toEnforce)],
    ["Việc thi hành xong", formatNumber(now.viec.completed), formatNumber(before.viec.completed)],
    ["Tỷ lệ xong (việc)", formatRate(now.viec.completionRate), formatRate(before.viec.completionRate)],
    ["Tiền phải thi hành", formatMoney(now.tien.toEnforce), formatMoney(before.tien.toEnforce)],
    ["Tiền đã thi hành xong", formatMoney(now.tien.completed), formatMoney(before.tien.completed)],
    ["Tỷ lệ xong (tiền)", formatRate(now.tien.completionRate), formatRate(before.tien.completionRate)],
  ];
}

/** "Phòng Thi hành án dân sự khu vực 7" as "Khu vực 7" on a chart's axis. */
const shortUnitName = (label: string): string => {
  const short = label.replace(/^Phòng Thi hành án dân sự /, "");
  return short.charAt(0).toUpperCase() + short.slice(1);
};

function barsByUnit(view: Report["views"]["byUnit"], measure: "viec" | "tien"): ChartOption {
  const value = (row: Row, which: "current" | "previous") => row[which][measure].toEnforce;
  return {
    tooltip: { trigger: "axis", valueFormatter: (raw) => (measure === "tien" ? formatMoney(Number(raw)) : formatNumber(Number(raw))) },
    legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
    // every unit named, slanted, without the words all units' names share (the tooltip gives the whole name)
    xAxis: { type: "category", data: view.rows.map((row) => row.label), axisLabel: { interval: 0, rotate: 45, formatter: shortUnitName } },
    // việc are whole matters
    yAxis: { type: "value", minInterval: measure === "viec" ? 1 : 0, axisLabel: { formatter: (raw: number) => formatNumber(raw) } },
    series: [
      { name: "Kỳ này", type: "bar", data: view.rows.map((row) => value(row, "current")) },
      { name: "Cùng kỳ năm trước", type: "bar", data: view.rows.map((row) => value(row, "previous")) },
    ],
  } as ChartOption;
}

export default function DashboardPage() {
  const { api } = useSession();
  const periods = useMemo(() => recentPeriods(new Date()), []);
  const [params, setParams] = useSearchParams();
  const period = params.get("ky") ?? periods[0] ?? "";
  const [report, setReport] = useState<Report | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setReport(undefined);
    setError(null);
    api.report(period).then(setReport, (caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught)));
  }, [api, period]);

  const download = async (format: ReportFormat) => {
    try {
      // short-lived links to the files in the reports bucket, each downloaded under its own name
      for (const file of await api.reportExport(period, format)) saveFile(file.url, file.name);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  const byUnit = report?.views.byUnit;
  const viecChart = useMemo(() => (byUnit ? barsByUnit(byUnit, "viec") : null), [byUnit]);
  const tienChart = useMemo(() => (byUnit ? barsByUnit(byUnit, "tien") : null), [byUnit]);

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        Báo cáo thống kê 6 tháng
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="period-select">Kỳ báo cáo</label>
        <Select id="period-select" style={{ minWidth: 280 }} value={period} onChange={(value) => setParams({ ky: value })} options={periods.map((value) => ({ value, label: periodLabel(value) }))} />
        <Button onClick={() => void download("xlsx")} disabled={!report}>
          Tải Excel (XLSX)
        </Button>
        <Button onClick={() => void download("csv")} disabled={!report}>
          Tải CSV
        </Button>
      </Space>
      {error && <Alert type="error" title={error} role="alert" style={{ marginBottom: 16 }} />}
      {report === undefined && !error && <Spin aria-label={MESSAGES.loading} />}
      {report && byUnit && viecChart && tienChart && (
        <>
          <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(180px, 1fr))", gap: 16, marginBottom: 16 }} data-testid="report-totals">
            {totals(byUnit.total).map(([title, now, before]) => (
              <Card size="small" key={title}>
                <Statistic title={title} value={now} />
                <Typography.Text type="secondary">Cùng kỳ năm trước: {before}</Typography.Text>
              </Card>
            ))}
          </div>
          <div className="side-by-side">
            <Card title="Việc phải thi hành theo đơn vị" size="small">
              <Chart option={viecChart} label="Biểu đồ cột: việc phải thi hành theo đơn vị, kỳ này và cùng kỳ năm trước" />
            </Card>
            <Card title="Tiền phải thi hành theo đơn vị" size="small">
              <Chart option={tienChart} label="Biểu đồ cột: tiền phải thi hành theo đơn vị, kỳ này và cùng kỳ năm trước" />
            </Card>
          </div>
          <Card style={{ marginTop: 16 }} size="small">
            <ReportTable view={byUnit} caption={`${byUnit.title} – ${periodLabel(report.period.name)}`} />
          </Card>
          <Card style={{ marginTop: 16 }} size="small">
            <ReportTable view={report.views.creditInstitution} caption={report.views.creditInstitution.title} />
          </Card>
          {report.notes.length > 0 && (
            <Alert
              style={{ marginTop: 16 }}
              type="info"
              title="Ghi chú"
              description={
                <ul style={{ margin: 0, paddingLeft: 16 }}>
                  {report.notes.map((note) => (
                    <li key={note}>{note}</li>
                  ))}
                </ul>
              }
            />
          )}
        </>
      )}
    </>
  );
}
