/** Staff: a case's proposed matters (open one, split one, merge several) and the matters opened from them. */
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Space, Table, Tag } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router";
import type { CaseMatters, MatterItem, MatterProposal } from "../api/client.ts";
import { useSession } from "../auth/session.tsx";
import { formatMoney, formatNumber, parseMoney } from "../format.ts";
import { MATTER_STATE_LABELS, OBLIGATION_KIND_LABELS, partyLabel } from "../text.ts";
import { ScrollRegion } from "../components/scroll-region.tsx";

interface OpenForm {
  decisionNumber: string;
  decisionDate: Dayjs;
  executor: string;
  amountVnd: number;
  note?: string;
}

function OpenMatterModal({ caseId, proposal, onClose }: { caseId: string; proposal: MatterProposal; onClose: (opened: boolean) => void }) {
  const { api } = useSession();
  const [form] = Form.useForm<OpenForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: OpenForm) => {
    setBusy(true);
    setError(null);
    try {
      await api.openMatter(caseId, {
        proposalId: proposal.id,
        decision: { number: values.decisionNumber.trim(), date: values.decisionDate.format("YYYY-MM-DD") },
        executor: values.executor.trim(),
        ...(values.amountVnd !== proposal.amountVnd && { amountVnd: values.amountVnd }),
        ...(values.note?.trim() && { note: values.note.trim() }),
      });
      onClose(true);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`Thụ lý việc: ${partyLabel(proposal.debtor)} phải trả ${partyLabel(proposal.creditor)}`} onCancel={() => onClose(false)} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ amountVnd: proposal.amountVnd, decisionDate: dayjs() }} onFinish={(values) => void submit(values)}>
        <Form.Item label="Số quyết định thi hành án" name="decisionNumber" rules={[{ required: true, message: "Nhập số quyết định" }]}>
          <Input placeholder="vd: 12/QĐ-THADS" />
        </Form.Item>
        <Form.Item label="Ngày quyết định" name="decisionDate" rules={[{ required: true, message: "Chọn ngày quyết định" }]}>
          <DatePicker format="DD/MM/YYYY" style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item label="Chấp hành viên" name="executor" rules={[{ required: true, message: "Nhập tên chấp hành viên" }]}>
          <Input />
        </Form.Item>
        <Form.Item label="Số tiền phải thi hành (đồng)" name="amountVnd" rules={[{ required: true }]}>
          <InputNumber<number> min={0} style={{ width: "100%" }} formatter={(value) => (value === undefined ? "" : formatNumber(Number(value)))} parser={(value) => parseMoney(value)} />
        </Form.Item>
        <Form.Item label="Ghi chú" name="note">
          <Input.TextArea rows={2} />
        </Form.Item>
        {error && <Alert type="error" title={error} role="alert" style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={busy}>
          Thụ lý
        </Button>
      </Form>
    </Modal>
  );
}

export function CaseMattersPanel({ caseId, canChange }: { caseId: string; canChange: boolean }) {
  const { api } = useSession();
  const [data, setData] = useState<CaseMatters | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [opening, setOpening] = useState<MatterProposal | null>(null);
  const [selected, setSelected] = useState<string[]>([]);

  const load = useCallback(async () => {
    try {
      setData(await api.caseMatters(caseId));
      setSelected([]);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }, [api, caseId]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      await load();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  const opened = new Set(data?.matters.map((matter) => matter.id));
  const waiting = data?.proposals.filter((proposal) => !opened.has(proposal.id)) ?? [];

  return (
    <Card title="Việc thi hành án" style={{ marginTop: 16 }}>
      {error && <Alert type="error" title={error} role="alert" style={{ marginBottom: 12 }} />}
      <ScrollRegion label="Đề xuất chưa thụ lý">
        <Table<MatterProposal>
          rowKey="id"
          size="small"
          pagination={false}
          caption="Đề xuất chưa thụ lý"
          dataSource={waiting}
          locale={{ emptyText: <span className="empty-text">Không còn đề xuất nào chờ thụ lý</span> }}
          {...(canChange && { rowSelection: { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)), getCheckboxProps: (row: MatterProposal) => ({ "aria-label": `Chọn đề xuất ${row.debtor}` }) } })}
          columns={[
            { title: "Người phải thi hành", dataIndex: "debtor", render: partyLabel },
            { title: "Người được thi hành", dataIndex: "creditor", render: partyLabel },
            { title: "Các khoản", dataIndex: "lines", render: (lines: MatterProposal["lines"]) => lines.map((line) => `${OBLIGATION_KIND_LABELS[line.kind]} ${formatMoney(line.amountVnd)}`).join("; ") },
            { title: "Số tiền", dataIndex: "amountVnd", align: "right", render: (value: number) => formatMoney(value) },
            { title: "Tổ chức tín dụng", dataIndex: "creditInstitution", render: (value: boolean) => (value ? <Tag color="gold">Có</Tag> : "Không") },
            ...(canChange
              ? [
                  {
                    title: "Thao tác",
                    key: "actions",
                    render: (_: unknown, row: MatterProposal) => (
                      <Space wrap>
                        <Button size="small" type="primary" onClick={() => setOpening(row)}>
                          Thụ lý
                        </Button>
                        {row.lines.length > 1 && (
                          <Button size="small" onClick={() => void act(() => api.splitProposal(caseId, { proposalId: row.id, groups: row.lines.map((_line, index) => [index]) }))}>
                            Tách từng khoản
                          </Button>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </ScrollRegion>
      {canChange && (
        <Button style={{ marginTop: 8 }} disabled={selected.length < 2} onClick={() => void act(() => api.mergeProposals(caseId, { proposalIds: selected }))}>
          Gộp các đề xuất đã chọn
        </Button>
      )}
      <ScrollRegion label="Việc đã thụ lý">
        <Table<MatterItem>
          rowKey="id"
          size="small"
          pagination={false}
          style={{ marginTop: 16 }}
          caption="Việc đã thụ lý"
          dataSource={data?.matters ?? []}
          locale={{ emptyText: <span className="empty-text">Chưa thụ lý việc nào</span> }}
          columns={[
            { title: "Việc", dataIndex: "id", render: (id: string, row) => <Link to={`/viec/${encodeURIComponent(id)}`}>{row.decision?.number ?? id}</Link> },
            { title: "Người phải thi hành", dataIndex: "debtor", render: partyLabel },
            { title: "Trạng thái", dataIndex: "state", render: (state: MatterItem["state"]) => <Tag>{MATTER_STATE_LABELS[state]}</Tag> },
            { title: "Phải thi hành", dataIndex: "owedVnd", align: "right", render: (value: number) => formatMoney(value) },
            { title: "Đã thu", dataIndex: "collectedVnd", align: "right", render: (value: number) => formatMoney(value) },
          ]}
        />
      </ScrollRegion>
      {opening && (
        <OpenMatterModal
          caseId={caseId}
          proposal={opening}
          onClose={(done) => {
            setOpening(null);
            if (done) void load();
          }}
        />
      )}
    </Card>
  );
}
