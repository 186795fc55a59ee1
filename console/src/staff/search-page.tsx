/** Staff: find cases by party name (diacritics optional), number, court, unit, status, dates and amounts. */
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useCallback, useEffect, useState } from "react";
import type { CaseSearchQuery } from "../api/client.ts";
import { useSession } from "../auth/session.tsx";
import { CaseTable } from "../components/case-table.tsx";
import { Pager } from "../components/pager.tsx";
import { usePaged } from "../components/use-paged.ts";
import { formatNumber, parseMoney } from "../format.ts";
import { CASE_STATUS_LABELS, MESSAGES } from "../text.ts";

interface SearchForm {
  partyName?: string;
  caseNumber?: string;
  courtId?: string;
  agencyId?: string;
  status?: CaseSearchQuery["status"];
  dates?: [Dayjs | null, Dayjs | null] | null;
  minAmountVnd?: number | null;
  maxAmountVnd?: number | null;
}

const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
const amount = (value: number | null | undefined) => (value === null || value === undefined ? undefined : String(value));

/** The form as the API's query: only what was filled in. */
function queryOf(form: SearchForm): CaseSearchQuery {
  return {
    partyName: text(form.partyName),
    caseNumber: text(form.caseNumber),
    courtId: text(form.courtId),
    agencyId: text(form.agencyId),
    status: form.status,
    dateFrom: form.dates?.[0]?.format("YYYY-MM-DD"),
    dateTo: form.dates?.[1]?.format("YYYY-MM-DD"),
    minAmountVnd: amount(form.minAmountVnd),
    maxAmountVnd: amount(form.maxAmountVnd),
  };
}

const moneyInput = { formatter: (value: number | string | undefined) => (value === undefined || value === "" ? "" : formatNumber(Number(value))), parser: (value: string | undefined) => parseMoney(value) };

export default function SearchPage() {
  const { api } = useSession();
  const [query, setQuery] = useState<CaseSearchQuery | null>(null);
  const load = useCallback((cursor: string | undefined) => api.searchCases({ ...query, limit: "20", cursor }), [api, query]);
  const paged = usePaged(load);
  const [form] = Form.useForm<SearchForm>();
  const [hint, setHint] = useState<string | null>(null);

  const submit = (values: SearchForm) => {
    const next = queryOf(values);
    if (Object.values(next).every((value) => value === undefined)) {
      setHint(MESSAGES.needCriterion);
      return;
    }
    setHint(null);
    setQuery(next);
  };

  // a new query loads its first page
  const { first } = paged;
  useEffect(() => {
    if (query !== null) void first();
  }, [query, first]);

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        Tìm hồ sơ
      </Typography.Title>
      <Card>
        <Form form={form} layout="vertical" onFinish={submit} aria-label="Điều kiện tìm hồ sơ">
          <div style={{ display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(220px, 1fr))", gap: "0 16px" }}>
            <Form.Item label="Tên đương sự (có hoặc không dấu)" name="partyName">
              <Input placeholder="vd: nguyen van hung" />
            </Form.Item>
            <Form.Item label="Số bản án, quyết định" name="caseNumber">
              <Input placeholder="vd: 12/2025/DS-ST" />
            </Form.Item>
            <Form.Item label="Mã tòa án" name="courtId">
              <Input />
            </Form.Item>
            <Form.Item label="Mã đơn vị thi hành án" name="agencyId">
              <Input />
            </Form.Item>
            <Form.Item label="Trạng thái" name="status">
              <Select allowClear options={Object.entries(CASE_STATUS_LABELS).map(([value, label]) => ({ value, label }))} aria-label="Trạng thái" />
            </Form.Item>
            <Form.Item label="Khoảng ngày" name="dates">
              <DatePicker.RangePicker format="DD/MM/YYYY" style={{ width: "100%" }} allowEmpty={[true, true]} />
            </Form.Item>
            <Form.Item label="Số tiền từ (đồng)" name="minAmountVnd">
              <InputNumber<number> min={0} style={{ width: "100%" }} {...moneyInput} />
            </Form.Item>
            <Form.Item label="Số tiền đến (đồng)" name="maxAmountVnd">
              <InputNumber<number> min={0} style={{ width: "100%" }} {...moneyInput} />
            </Form.Item>
          </div>
          <Space wrap>
            <Button type="primary" htmlType="submit">
              {MESSAGES.search}
            </Button>
            <Button onClick={() => form.resetFields()}>{MESSAGES.reset}</Button>
          </Space>
        </Form>
      </Card>
      {hint && <Alert type="info" title={hint} style={{ marginTop: 16 }} />}
      {paged.error && <Alert type="error" title={paged.error} role="alert" style={{ marginTop: 16 }} />}
      {query !== null && (
        <Card style={{ marginTop: 16 }} title="Kết quả">
          <CaseTable cases={paged.items} loading={paged.loading} />
          <Pager page={paged.page} hasNext={paged.hasNext} onFirst={() => void paged.first()} onNext={() => void paged.next()} />
        </Card>
      )}
    </>
  );
}
