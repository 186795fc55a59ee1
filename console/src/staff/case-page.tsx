/** Staff: one case, its original beside what was read from it, corrections with their history, and its matters. */
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, List, Space, Spin, Table, Tag, Typography } from "antd";
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from "react";
import { useParams } from "react-router";
import type { CaseWithHistory, PresignedRequest, StoredCase } from "../api/client.ts";
import { useSession } from "../auth/session.tsx";
import { formatDate, formatDateTime, formatMoney, formatNumber, parseMoney } from "../format.ts";
import { CASE_STATUS_LABELS, FIELD_LABELS, MESSAGES, OBLIGATION_KIND_LABELS, PARTY_ROLE_LABELS, partyLabel } from "../text.ts";
import { CaseMattersPanel } from "./case-matters.tsx";
import { ScrollRegion } from "../components/scroll-region.tsx";

const PdfViewer = lazy(() => import("../components/pdf-viewer.tsx"));

type Evidence = { text: string; line: number } | null | undefined;

function EvidenceNote({ evidence }: { evidence: Evidence }) {
  if (!evidence) return null;
  return (
    <div className="evidence" style={{ fontSize: 12, color: "#555" }}>
      dòng {evidence.line}: <mark>{evidence.text}</mark>
    </div>
  );
}

/** A field's value, with the text it was read from; focusing it highlights that text in the original. */
function FieldValue({ value, evidence, onFocus }: { value: string; evidence: Evidence; onFocus: (text: string | null) => void }) {
  return (
    <button type="button" className="field-value" onClick={() => onFocus(evidence?.text ?? null)} onFocus={() => onFocus(evidence?.text ?? null)} style={{ all: "unset", cursor: "pointer", display: "block" }}>
      <span>{value}</span>
      <EvidenceNote evidence={evidence} />
    </button>
  );
}

/** One audit change in words: amounts of obligations side by side, other fields as before → after. */
function describeChange(change: { field: string; before: unknown; after: unknown }): string[] {
  const label = FIELD_LABELS[change.field] ?? change.field;
  if (change.field === "obligations" && Array.isArray(change.before) && Array.isArray(change.after)) {
    const before = change.before as { amountVnd: number; debtor: string }[];
    const after = change.after as { amountVnd: number; debtor: string }[];
    return after.flatMap((obligation, index) =>
      before[index]?.amountVnd === obligation.amountVnd ? [] : [`${label} ${index + 1} (${partyLabel(obligation.debtor)}): ${before[index] ? formatMoney(before[index].amountVnd) : "–"} → ${formatMoney(obligation.amountVnd)}`],
    );
  }
  const show = (value: unknown) => (value === null || value === undefined ? "–" : typeof value === "string" ? value : JSON.stringify(value));
  return [`${label}: ${show(change.before)} → ${show(change.after)}`];
}

function CorrectionForm({ record, onSaved }: { record: StoredCase; onSaved: () => void }) {
  const { api } = useSession();
  const [amounts, setAmounts] = useState(() => record.obligations.map((obligation) => obligation.amountVnd));
  const [caseNumber, setCaseNumber] = useState(record.caseNumber ?? "");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const changed = amounts.some((amount, index) => amount !== record.obligations[index]?.amountVnd) || caseNumber.trim() !== (record.caseNumber ?? "");

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const amountsChanged = amounts.some((amount, index) => amount !== record.obligations[index]?.amountVnd);
      await api.correctCase(record.caseId, record.version, {
        reason: reason.trim(),
        changes: {
          ...(caseNumber.trim() !== (record.caseNumber ?? "") && { caseNumber: caseNumber.trim() || null }),
          ...(amountsChanged && {
            obligations: record.obligations.map(({ debtor, creditor, kind, periodic }, index) => ({ debtor, creditor, kind, periodic, amountVnd: amounts[index] ?? 0 })),
          }),
        },
      });
      setReason("");
      onSaved();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Sửa thông tin đã đọc" size="small" style={{ marginTop: 16 }}>
      <Form layout="vertical" onFinish={() => void save()}>
        <Form.Item label="Số bản án, quyết định" htmlFor="correct-case-number">
          <Input id="correct-case-number" value={caseNumber} onChange={(event) => setCaseNumber(event.target.value)} />
        </Form.Item>
        {record.obligations.map((obligation, index) => (
          <Form.Item key={`${obligation.debtor}-${index}`} label={`Số tiền nghĩa vụ ${index + 1}: ${partyLabel(obligation.debtor)} → ${partyLabel(obligation.creditor)}`} htmlFor={`correct-amount-${index}`}>
            <InputNumber<number>
              id={`correct-amount-${index}`}
              min={0}
              style={{ width: "100%" }}
              value={amounts[index] ?? 0}
              formatter={(value) => (value === undefined ? "" : formatNumber(Number(value)))}
              parser={(value) => parseMoney(value)}
              onChange={(value) => setAmounts((all) => all.map((amount, position) => (position === index ? (value ?? 0) : amount)))}
              addonAfter="đ"
            />
          </Form.Item>
        ))}
        <Form.Item label="Lý do sửa (ghi vào lịch sử)" htmlFor="correct-reason" required>
          <Input.TextArea id="correct-reason" value={reason} onChange={(event) => setReason(event.target.value)} rows={2} />
        </Form.Item>
        {error && <Alert type="error" title={error} role="alert" style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={busy} disabled={!changed || reason.trim().length < 3}>
          Lưu và đánh dấu đã xác minh
        </Button>
      </Form>
    </Card>
  );
}

export default function CasePage() {
  const { caseId = "" } = useParams();
  const { api, user } = useSession();
  const [found, setFound] = useState<CaseWithHistory | null>(null);
  const [original, setOriginal] = useState<PresignedRequest | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [focus, setFocus] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setFound(await api.getCase(caseId));
      setError(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }, [api, caseId]);

  useEffect(() => {
    void load();
    api.originalUrl(caseId).then(setOriginal, () => setOriginal(null));
  }, [api, caseId, load]);

  const record = found?.case;
  const evidence = useMemo(
    () => (record ? [...Object.values(record.evidence).map((item) => item.text), ...record.parties.flatMap((party) => (party.evidence ? [party.evidence.text] : [])), ...record.obligations.flatMap((obligation) => (obligation.evidence ? [obligation.evidence.text] : []))] : []),
    [record],
  );

  if (error) return <Alert type="error" title={error} role="alert" />;
  if (!found || !record) return <Spin aria-label={MESSAGES.loading} />;

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        Hồ sơ {record.caseNumber ?? "(chưa đọc được số)"} <Tag>{CASE_STATUS_LABELS[record.status]}</Tag>
      </Typography.Title>
      {record.reviewReasons.length > 0 && (
        <Alert
          type="warning"
          style={{ marginBottom: 16 }}
          title="Lý do cần xem xét"
          description={
            <ul style={{ margin: 0, paddingLeft: 16 }}>
              {record.reviewReasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          }
        />
      )}
      <div className="side-by-side">
        <section aria-label="Bản gốc">
          <Card title={`Bản gốc: ${record.source.fileName}`} size="small">
            {original === null ? (
              <p>Đang lấy đường dẫn bản gốc…</p>
            ) : record.source.mediaType === "application/pdf" ? (
              <Suspense fallback={<Spin aria-label={MESSAGES.loading} />}>
                <PdfViewer url={original.url} evidence={evidence} focus={focus} />
              </Suspense>
            ) : record.source.mediaType.startsWith("image/") && record.source.mediaType !== "image/tiff" ? (
              <img src={original.url} alt={`Bản quét ${record.source.fileName}`} style={{ width: "100%" }} />
            ) : (
              <a href={original.url}>Tải bản gốc ({record.source.fileName})</a>
            )}
          </Card>
        </section>
        <section aria-label="Thông tin đã đọc">
          <Card title="Thông tin đã đọc" size="small">
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={FIELD_LABELS.caseNumber}>
                <FieldValue value={record.caseNumber ?? "–"} evidence={record.evidence.caseNumber} onFocus={setFocus} />
              </Descriptions.Item>
              <Descriptions.Item label={FIELD_LABELS.issuedDate}>
                <FieldValue value={formatDate(record.issuedDate)} evidence={record.evidence.issuedDate} onFocus={setFocus} />
              </Descriptions.Item>
              <Descriptions.Item label={FIELD_LABELS.court}>
                <FieldValue value={record.court ?? "–"} evidence={record.evidence.court} onFocus={setFocus} />
              </Descriptions.Item>
              <Descriptions.Item label={FIELD_LABELS.subject}>
                <FieldValue value={record.subject ?? "–"} evidence={record.evidence.subject} onFocus={setFocus} />
              </Descriptions.Item>
              <Descriptions.Item label={FIELD_LABELS.creditInstitutionInvolved}>{record.creditInstitutionInvolved ? "Có" : "Không"}</Descriptions.Item>
              <Descriptions.Item label="Tổng số tiền">{formatMoney(record.totalAmountVnd)}</Descriptions.Item>
            </Descriptions>
            <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
              {FIELD_LABELS.parties}
            </Typography.Title>
            <List
              size="small"
              dataSource={record.parties}
              renderItem={(party) => (
                <List.Item>
                  <FieldValue value={`${party.name} – ${PARTY_ROLE_LABELS[party.role]}`} evidence={party.evidence} onFocus={setFocus} />
                </List.Item>
              )}
            />
            <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
              {FIELD_LABELS.obligations}
            </Typography.Title>
            <List
              size="small"
              dataSource={record.obligations}
              renderItem={(obligation) => (
                <List.Item>
                  <FieldValue
                    value={`${partyLabel(obligation.debtor)} trả ${partyLabel(obligation.creditor)}: ${formatMoney(obligation.amountVnd)}${obligation.periodic ? (obligation.periodic === "month" ? " mỗi tháng" : " mỗi năm") : ""} (${OBLIGATION_KIND_LABELS[obligation.kind]})`}
                    evidence={obligation.evidence}
                    onFocus={setFocus}
                  />
                </List.Item>
              )}
            />
          </Card>
          {user?.role === "staff" && <CorrectionForm key={record.version} record={record} onSaved={() => void load()} />}
          <Card title="Lịch sử sửa đổi" size="small" style={{ marginTop: 16 }}>
            <ScrollRegion label="Lịch sử sửa đổi">
              <Table
                rowKey="version"
                size="small"
                pagination={false}
                dataSource={found.history}
                locale={{ emptyText: <span className="empty-text">Chưa có lần sửa nào</span> }}
                columns={[
                  { title: "Lúc", dataIndex: "at", render: (value: string) => formatDateTime(value) },
                  { title: "Người sửa", dataIndex: "by" },
                  { title: "Lý do", dataIndex: "reason" },
                  {
                    title: "Thay đổi",
                    dataIndex: "changes",
                    render: (changes: CaseWithHistory["history"][number]["changes"]) => (
                      <Space direction="vertical" size={0}>
                        {changes.flatMap(describeChange).map((line) => (
                          <span key={line}>{line}</span>
                        ))}
                      </Space>
                    ),
                  },
                ]}
              />
            </ScrollRegion>
          </Card>
        </section>
      </div>
      <CaseMattersPanel caseId={record.caseId} canChange={user?.role === "staff"} />
    </>
  );
}
