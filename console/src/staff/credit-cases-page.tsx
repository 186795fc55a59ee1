/**
 * Staff and leaders: the bank-credit list (GET /credit-cases), open matters where a credit
 * institution is a party, with their age and obstacles; downloadable as XLSX or CSV, as the API
 * writes them.
 */
import { Alert, Button, Card, Space, Table, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import type { CreditCaseList, CreditCaseRow, CreditCasesFormat } from "../api/client.ts";
import { useSession } from "../auth/session.tsx";
import { saveFile } from "../components/save-file.ts";
import { ScrollRegion } from "../components/scroll-region.tsx";
import { formatDate, formatMoney, formatNumber } from "../format.ts";
import { MATTER_STATE_LABELS, MESSAGES } from "../text.ts";

const TITLE = "Án tín dụng ngân hàng chưa thi hành xong";

export default function CreditCasesPage() {
  const { api } = useSession();
  const [list, setList] = useState<CreditCaseList | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const failed = (caught: unknown) => setError(caught instanceof Error ? caught.message : String(caught));

  useEffect(() => {
    api.creditCases().then(setList, failed);
  }, [api]);

  const download = async (format: CreditCasesFormat) => {
    try {
      const file = await api.creditCasesFile(format);
      saveFile(file.data, file.name);
    } catch (caught) {
      failed(caught);
    }
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {TITLE}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 16 }}>
        {list && <span>Số liệu đến ngày {formatDate(list.asOf)}</span>}
        <Button onClick={() => void download("xlsx")} disabled={!list}>
          Tải Excel (XLSX)
        </Button>
        <Button onClick={() => void download("csv")} disabled={!list}>
          Tải CSV
        </Button>
      </Space>
      {error && <Alert type="error" title={error} role="alert" style={{ marginBottom: 16 }} />}
      <Card size="small">
        <ScrollRegion label={TITLE}>
          <Table<CreditCaseRow>
            rowKey="matterId"
            size="small"
            caption={TITLE}
            loading={list === undefined && !error}
            locale={{ emptyText: MESSAGES.noData }}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            dataSource={list?.cases ?? []}
            columns={[
              // the debtor opens the matter
              { title: "Người phải thi hành", dataIndex: "debtor", render: (debtor: string, row) => <Link to={`/viec/${encodeURIComponent(row.matterId)}`}>{debtor}</Link> },
              { title: "Người được thi hành", dataIndex: "creditor" },
              { title: "Phải thi hành", render: (_, row) => formatMoney(row.owedVnd), align: "right" },
              { title: "Đã thu", render: (_, row) => formatMoney(row.collectedVnd), align: "right" },
              { title: "Còn phải thi hành", render: (_, row) => formatMoney(row.balanceVnd), align: "right" },
              { title: "Số ngày từ khi thụ lý", render: (_, row) => formatNumber(row.ageDays), align: "right" },
              { title: "Trạng thái", render: (_, row) => MATTER_STATE_LABELS[row.state] },
              { title: "Đơn vị", dataIndex: "unitName" },
              {
                title: "Vướng mắc",
                render: (_, row) =>
                  row.obstacles.length === 0 ? (
                    "–"
                  ) : (
                    <ul style={{ margin: 0, paddingLeft: 16 }}>
                      {row.obstacles.map((obstacle) => (
                        <li key={obstacle.at}>
                          {formatDate(obstacle.at)}: {obstacle.note}
                        </li>
                      ))}
                    </ul>
                  ),
              },
            ]}
          />
        </ScrollRegion>
      </Card>
    </>
  );
}
