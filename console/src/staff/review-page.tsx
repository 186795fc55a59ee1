/** Staff: cases waiting for review, oldest first, each with why. */
import { Alert, Card, Typography } from "antd";
import { useCallback, useEffect } from "react";
import { useSession } from "../auth/session.tsx";
import { CaseTable } from "../components/case-table.tsx";
import { Pager } from "../components/pager.tsx";
import { usePaged } from "../components/use-paged.ts";

export default function ReviewPage() {
  const { api } = useSession();
  const load = useCallback((cursor: string | undefined) => api.reviewQueue({ limit: "20", cursor }), [api]);
  const paged = usePaged(load);
  const { first } = paged;
  useEffect(() => {
    void first();
  }, [first]);
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        Hồ sơ cần xem xét
      </Typography.Title>
      {paged.error && <Alert type="error" title={paged.error} role="alert" />}
      <Card>
        <CaseTable cases={paged.items} loading={paged.loading} showReasons />
        <Pager page={paged.page} hasNext={paged.hasNext} onFirst={() => void paged.first()} onNext={() => void paged.next()} />
      </Card>
    </>
  );
}
