/** Staff: one matter, its money and every step taken, and the form to record the next step. */
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Select, Spin, Table, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useCallback, useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import type { MatterItem, MatterStepBody } from "../api/client.ts";
import { useSession } from "../auth/session.tsx";
import { formatDate, formatDateTime, formatMoney, formatNumber, parseMoney } from "../format.ts";
import { MATTER_STATE_LABELS, MESSAGES, STEP_LABELS, partyLabel } from "../text.ts";
import { ScrollRegion } from "../components/scroll-region.tsx";

type StepKind = keyof typeof STEP_LABELS;

interface StepForm {
  kind: StepKind;
  enforceable?: boolean;
  amountVnd?: number;
  receipt?: string;
  date?: Dayjs;
  note?: string;
}

function stepBody(values: StepForm, version: number): MatterStepBody {
  const common = { version, ...(values.date && { date: values.date.format("YYYY-MM-DD") }), ...(values.note?.trim() && { note: values.note.trim() }) };
  switch (values.kind) {
    case "verify":
      return { kind: "verify", enforceable: values.enforceable ?? true, ...common };
    case "collect":
      return { kind: "collect", amountVnd: values.amountVnd ?? 0, ...(values.receipt?.trim() && { receipt: values.receipt.trim() }), ...common };
    case "reduce":
      return { kind: "reduce", amountVnd: values.amountVnd ?? 0, ...common };
    default:
      return { kind: values.kind, ...common };
  }
}

const balance = (matter: MatterItem) => matter.owedVnd - matter.collectedVnd - matter.reducedVnd;

export default function MatterPage() {
  const { matterId = "" } = useParams();
  const { api, user } = useSession();
  const [matter, setMatter] = useState<MatterItem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<StepForm>();
  const kind = Form.useWatch("kind", form);

  const load = useCallback(async () => {
    try {
      setMatter((await api.getMatter(matterId)).matter);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }, [api, matterId]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!matter) return error ? <Alert type="error" title={error} role="alert" /> : <Spin aria-label={MESSAGES.loading} />;

  const record = async (values: StepForm) => {
    setBusy(true);
    setError(null);
    try {
      setMatter((await api.recordStep(matter.id, stepBody(values, matter.version))).matter);
      form.resetFields(["amountVnd", "receipt", "note"]);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        Việc {matter.decision?.number ?? matter.id} <Tag>{MATTER_STATE_LABELS[matter.state]}</Tag>
      </Typography.Title>
      <p>
        <Link to={`/ho-so/${matter.caseId}`}>Về hồ sơ</Link>
      </p>
      <Card size="small">
        <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
          <Descriptions.Item label="Người phải thi hành">{partyLabel(matter.debtor)}</Descriptions.Item>
          <Descriptions.Item label="Người được thi hành">{partyLabel(matter.creditor)}</Descriptions.Item>
          <Descriptions.Item label="Quyết định thi hành án">{matter.decision ? `${matter.decision.number} ngày ${formatDate(matter.decision.date)}` : "–"}</Descriptions.Item>
          <Descriptions.Item label="Chấp hành viên">{matter.executor ?? "–"}</Descriptions.Item>
          <Descriptions.Item label="Phải thi hành">{formatMoney(matter.owedVnd)}</Descriptions.Item>
          <Descriptions.Item label="Đã thu">{formatMoney(matter.collectedVnd)}</Descriptions.Item>
          <Descriptions.Item label="Đã giảm">{formatMoney(matter.reducedVnd)}</Descriptions.Item>
          <Descriptions.Item label="Còn phải thi hành">
            <strong data-testid="matter-balance">{formatMoney(balance(matter))}</strong>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {user?.role === "staff" && (
        <Card title="Ghi nhận bước thi hành" size="small" style={{ marginTop: 16 }}>
          <Form form={form} layout="vertical" initialValues={{ kind: "verify", enforceable: true, date: dayjs() }} onFinish={(values) => void record(values)}>
            <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(200px, 1fr))", gap: "0 16px" }}>
              <Form.Item label="Bước thi hành" name="kind">
                <Select options={Object.entries(STEP_LABELS).map(([value, label]) => ({ value, label }))} aria-label="Bước thi hành" />
              </Form.Item>
              {kind === "verify" && (
                <Form.Item label="Kết quả xác minh" name="enforceable">
                  <Select
                    aria-label="Kết quả xác minh"
                    options={[
                      { value: true, label: "Có điều kiện thi hành" },
                      { value: false, label: "Chưa có điều kiện thi hành" },
                    ]}
                  />
                </Form.Item>
              )}
              {(kind === "collect" || kind === "reduce") && (
                <Form.Item label="Số tiền (đồng)" name="amountVnd" rules={[{ required: true, message: "Nhập số tiền" }]}>
                  <InputNumber<number> min={1} style={{ width: "100%" }} formatter={(value) => (value === undefined ? "" : formatNumber(Number(value)))} parser={(value) => parseMoney(value)} />
                </Form.Item>
              )}
              {kind === "collect" && (
                <Form.Item label="Số biên lai" name="receipt">
                  <Input />
                </Form.Item>
              )}
              <Form.Item label="Ngày" name="date">
                <DatePicker format="DD/MM/YYYY" style={{ width: "100%" }} />
              </Form.Item>
              <Form.Item label="Ghi chú" name="note">
                <Input />
              </Form.Item>
            </div>
            {error && <Alert type="error" title={error} role="alert" style={{ marginBottom: 12 }} />}
            <Button type="primary" htmlType="submit" loading={busy}>
              Ghi nhận
            </Button>
          </Form>
        </Card>
      )}
      <Card title="Các bước đã ghi nhận" size="small" style={{ marginTop: 16 }}>
        <ScrollRegion label="Các bước đã ghi nhận">
          <Table
            rowKey="seq"
            size="small"
            pagination={false}
            dataSource={matter.events}
            columns={[
              { title: "Lúc", dataIndex: "at", render: (value: string) => formatDateTime(value) },
              { title: "Người ghi", dataIndex: "by" },
              { title: "Từ", dataIndex: "from", render: (value: MatterItem["state"] | null) => (value ? MATTER_STATE_LABELS[value] : "–") },
              { title: "Sang", dataIndex: "to", render: (value: MatterItem["state"]) => MATTER_STATE_LABELS[value] },
              { title: "Lý do", dataIndex: "reason" },
              { title: "Số tiền", dataIndex: "amountVnd", align: "right", render: (value: number) => formatMoney(value) },
              { title: "Biên lai", dataIndex: "receipt", render: (value?: string) => value ?? "–" },
            ]}
          />
        </ScrollRegion>
      </Card>
    </>
  );
}
