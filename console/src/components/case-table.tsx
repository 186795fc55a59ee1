import { Table, Tag } from "antd";
import { Link } from "react-router";
import type { CaseSummary } from "../api/client.ts";
import { formatDate, formatMoney } from "../format.ts";
import { CASE_STATUS_LABELS } from "../text.ts";
import { ScrollRegion } from "./scroll-region.tsx";

const STATUS_COLOURS = { needs_review: "warning", extracted: "blue", verified: "success" } as const;

/** A page of cases: number (a link to the case), court, date, parties, amount, status, and reasons when asked. */
export function CaseTable({ cases, loading, showReasons = false }: { cases: CaseSummary[]; loading: boolean; showReasons?: boolean }) {
  return (
    <ScrollRegion label="Danh sách hồ sơ">
      <Table<CaseSummary>
        rowKey="caseId"
        size="small"
        loading={loading}
        dataSource={cases}
        pagination={false}
        columns={[
          { title: "Số bản án", dataIndex: "caseNumber", render: (value: string | null, row) => <Link to={`/ho-so/${row.caseId}`}>{value ?? "(chưa đọc được số)"}</Link> },
          { title: "Tòa án", dataIndex: "court", render: (value: string | null) => value ?? "–" },
          { title: "Ngày", dataIndex: "issuedDate", render: (value: string | null, row) => formatDate(value ?? row.receivedAt) },
          { title: "Đương sự", dataIndex: "parties", render: (parties: CaseSummary["parties"]) => parties.map((party) => party.name).join("; ") },
          { title: "Số tiền", dataIndex: "totalAmountVnd", align: "right", render: (value: number) => formatMoney(value) },
          { title: "Trạng thái", dataIndex: "status", render: (status: CaseSummary["status"]) => <Tag color={STATUS_COLOURS[status]}>{CASE_STATUS_LABELS[status]}</Tag> },
          ...(showReasons
            ? [{ title: "Lý do cần xem xét", dataIndex: "reviewReasons", render: (reasons: string[]) => <ul style={{ margin: 0, paddingLeft: 16 }}>{reasons.map((reason) => <li key={reason}>{reason}</li>)}</ul> }]
            : []),
        ]}
      />
    </ScrollRegion>
  );
}
