import { Button, Space } from "antd";
import { MESSAGES } from "../text.ts";

/** Cursor paging: the API gives a next cursor, never a page count. */
export function Pager({ page, hasNext, onFirst, onNext }: { page: number; hasNext: boolean; onFirst: () => void; onNext: () => void }) {
  return (
    <Space style={{ marginTop: 12 }} wrap>
      <Button onClick={onFirst} disabled={page === 1}>
        {MESSAGES.firstPage}
      </Button>
      <span aria-live="polite">Trang {page}</span>
      <Button onClick={onNext} disabled={!hasNext}>
        {MESSAGES.nextPage}
      </Button>
    </Space>
  );
}
