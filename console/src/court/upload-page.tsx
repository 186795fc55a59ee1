/** Court: send judgments by drag-and-drop, watch each file go up and what became of it; the court's own submissions. */
import { InboxOutlined } from "@ant-design/icons";
import { Alert, Card, Progress, Table, Tag, Typography, Upload } from "antd";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, type Submission } from "../api/client.ts";
import { contentTypeOf, putFile } from "../api/upload.ts";
import { useSession } from "../auth/session.tsx";
import { formatDateTime } from "../format.ts";
import { CASE_STATUS_LABELS, UPLOAD_FATE_LABELS, type UploadFate } from "../text.ts";
import { ScrollRegion } from "../components/scroll-region.tsx";

interface Sending {
  key: string;
  fileName: string;
  uploadId?: string;
  progress: number;
  fate: UploadFate;
  reasons: string[];
}

const FATE_COLOURS: Record<UploadFate, string> = {
  queued: "default",
  uploading: "processing",
  processing: "processing",
  reading: "processing",
  filed: "success",
  needs_review: "warning",
  duplicate: "purple",
  unreadable: "error",
  failed: "error",
};

/** Still on its way: sent, or being read; the page asks again until each file has its fate. */
const WAITING: ReadonlySet<UploadFate> = new Set(["processing", "reading"]);

function Reasons({ reasons }: { reasons: string[] }) {
  if (reasons.length === 0) return null;
  return (
    <ul style={{ margin: "4px 0 0", paddingLeft: 16 }}>
      {reasons.map((reason) => (
        <li key={reason}>{reason}</li>
      ))}
    </ul>
  );
}

export function FateTag({ fate }: { fate: UploadFate }) {
  return <Tag color={FATE_COLOURS[fate]}>{UPLOAD_FATE_LABELS[fate]}</Tag>;
}

export default function UploadPage() {
  const { api } = useSession();
  const [sending, setSending] = useState<Sending[]>([]);
  const [submissions, setSubmissions] = useState<Submission[]>([]);
  const [error, setError] = useState<string | null>(null);
  const counter = useRef(0);

  const update = useCallback((key: string, change: Partial<Sending>) => setSending((all) => all.map((item) => (item.key === key ? { ...item, ...change } : item))), []);

  const refresh = useCallback(async () => {
    try {
      const page = await api.submissions({ limit: "50" });
      setSubmissions(page.items);
      setError(null);
      // each file sent from this page takes the fate the API tells
      setSending((all) =>
        all.map((item) => {
          const found = page.items.find((submission) => submission.uploadId === item.uploadId);
          return found && WAITING.has(item.fate) ? { ...item, fate: found.fate, reasons: found.reasons } : item;
        }),
      );
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }, [api]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // while a file is on its way, ask again every two seconds
  const waiting = sending.some((item) => WAITING.has(item.fate));
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => void refresh(), 2000);
    return () => clearInterval(timer);
  }, [waiting, refresh]);

  const send = async (file: File) => {
    counter.current += 1;
    const key = `${counter.current}`;
    setSending((all) => [...all, { key, fileName: file.name, progress: 0, fate: "uploading", reasons: [] }]);
    try {
      const issued = await api.createUploadUrl({ fileName: file.name, contentType: contentTypeOf(file), sizeBytes: file.size });
      update(key, { uploadId: issued.uploadId });
      await putFile(issued.upload, file, (fraction) => update(key, { progress: Math.round(fraction * 100) }));
      update(key, { progress: 100, fate: "processing" });
    } catch (caught) {
      update(key, { fate: "failed", reasons: [caught instanceof ApiError || caught instanceof Error ? caught.message : String(caught)] });
    }
  };

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        Gửi bản án, quyết định
      </Typography.Title>
      <Upload.Dragger
        multiple
        accept=".pdf,.png,.jpg,.jpeg,.tif,.tiff,application/pdf,image/*"
        showUploadList={false}
        customRequest={({ file }) => void send(file as File)}
        aria-label="Chọn hoặc kéo thả tệp bản án để gửi"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p className="ant-upload-text">Kéo thả tệp vào đây hoặc bấm để chọn</p>
        <p className="ant-upload-hint">PDF hoặc ảnh quét (PNG, JPEG, TIFF); có thể gửi nhiều tệp một lần.</p>
      </Upload.Dragger>

      {sending.length > 0 && (
        <Card title="Tệp vừa gửi" style={{ marginTop: 16 }}>
          <ul aria-label="Tệp vừa gửi" style={{ listStyle: "none", padding: 0, margin: 0 }}>
            {sending.map((item) => (
              <li key={item.key} data-file={item.fileName} style={{ marginBottom: 12 }}>
                <div style={{ display: "flex", gap: 8, flexWrap: "wrap", alignItems: "center" }}>
                  <strong style={{ wordBreak: "break-all" }}>{item.fileName}</strong>
                  <FateTag fate={item.fate} />
                </div>
                <Progress percent={item.progress} size="small" status={item.fate === "failed" || item.fate === "unreadable" ? "exception" : item.progress === 100 ? "success" : "active"} aria-label={`Tiến độ gửi ${item.fileName}`} />
                <Reasons reasons={item.reasons} />
              </li>
            ))}
          </ul>
        </Card>
      )}

      <Card title="Hồ sơ tòa án đã gửi" style={{ marginTop: 16 }}>
        {error && <Alert type="error" title={error} role="alert" />}
        <ScrollRegion label="Hồ sơ tòa án đã gửi">
          <Table<Submission>
            rowKey="uploadId"
            size="small"
            dataSource={submissions}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: <span className="empty-text">Chưa gửi hồ sơ nào</span> }}
            columns={[
              { title: "Tệp", dataIndex: "fileName" },
              { title: "Nhận lúc", dataIndex: "receivedAt", render: (value: string) => formatDateTime(value) },
              { title: "Kết quả", dataIndex: "fate", render: (fate: UploadFate, row) => (
                <>
                  <FateTag fate={fate} />
                  <Reasons reasons={row.reasons} />
                </>
              ) },
              { title: "Hồ sơ", dataIndex: "caseStatus", render: (status: Submission["caseStatus"]) => (status ? CASE_STATUS_LABELS[status] : "–") },
            ]}
          />
        </ScrollRegion>
      </Card>
    </>
  );
}
